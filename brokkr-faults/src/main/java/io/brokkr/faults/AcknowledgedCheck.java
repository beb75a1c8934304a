package io.brokkr.faults;

import io.brokkr.faults.SagaSnapshot.StepSnapshot;
import io.brokkr.faults.Violation.Rule;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule {@link Rule#ACKNOWLEDGED_LOST}: a transition whose caller was told it applied is in the
 * final store. The ledger shows two kinds of acknowledgement: a saga's start (the suite records it
 * once {@code start()} returned, or the saga was read back started) and an accepted
 * {@code stepFinished} of an async step (the completer records the {@code true} it got, with the
 * attempt and node whose result it sent). A started saga the store does not hold at all is
 * {@link Rule#LOST}.
 */
final class AcknowledgedCheck {
  private AcknowledgedCheck() {}

  /** The acknowledged transitions of {@code saga} that its stored state lacks. */
  static void check(SagaSnapshot saga, List<LedgerEvent> events, List<Violation> out) {
    if (saga.status() == SagaStatus.CREATED) {
      out.add(new Violation(Rule.ACKNOWLEDGED_LOST, saga.id(), "-", "its start was acknowledged, the store shows CREATED"));
    }
    List<LedgerEvent> accepted = events.stream().filter(e -> LedgerEvent.COMPLETE_CALL.equals(e.kind())
        && Boolean.TRUE.equals(e.ok())).toList();
    for (LedgerEvent e : accepted) {
      // A step with two accepted completions is DOUBLE_COMPLETION: one of them cannot be stored.
      if (!"stepFinished".equals(e.detail()) || accepted.stream().filter(o -> o.step().equals(e.step())).count() > 1) {
        continue;
      }
      Optional<StepSnapshot> step = saga.steps().stream().filter(s -> s.id().equals(e.step())).findFirst();
      if (step.isEmpty()) {
        out.add(new Violation(Rule.ACKNOWLEDGED_LOST, saga.id(), e.step(), "stepFinished of attempt " + e.attempt()
            + " on " + e.node() + " was accepted, the store has no such step"));
      } else if (!holds(step.get(), e)) {
        StepSnapshot s = step.get();
        out.add(new Violation(Rule.ACKNOWLEDGED_LOST, saga.id(), e.step(), "stepFinished of attempt " + e.attempt()
            + " on " + e.node() + " was accepted, the store has status " + s.status() + ", attempt " + s.attempts()
            + ", result " + s.result().map(Object::toString).orElse("none") + " (saga " + saga.status() + ")"));
      }
    }
  }

  /** Whether the stored step finished with the result that {@code call} was told it set. */
  private static boolean holds(StepSnapshot step, LedgerEvent call) {
    return step.result().filter(Map.class::isInstance).map(r -> (Map<?, ?>) r)
        .filter(r -> call.node().equals(String.valueOf(r.get("by"))) && r.get("attempt") instanceof Number n
            && n.intValue() == call.attempt())
        .isPresent();
  }
}
