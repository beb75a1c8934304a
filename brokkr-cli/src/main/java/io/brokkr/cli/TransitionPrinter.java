package io.brokkr.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Prints each transition the node sees, of one saga or all, as a line of text or of JSON. */
final class TransitionPrinter implements SagaListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  /**
   * A transition as {@code brokkr watch --json} prints it (these field names are stable).
   *
   * @param time when this command saw it, ISO-8601
   * @param saga the saga's id
   * @param step the step's id, for a step's transition
   * @param from the status before; for the line that shows a watched saga's status when the
   *     watch starts, none
   * @param to the status after
   */
  record Transition(String time, String saga, Optional<String> step, Optional<String> from, String to) {}

  private final Output out;
  private final Optional<String> only;
  private final Runnable settled;
  private final Clock clock = Clock.systemUTC();

  TransitionPrinter(Output out, Optional<String> only, Runnable settled) {
    this.out = out;
    this.only = only;
    this.settled = settled;
  }

  /** The status of the watched saga when the watch starts. */
  void current(String sagaId, SagaStatus status) {
    print(new Transition(now(), sagaId, Optional.empty(), Optional.empty(), status.name()), Style.of(status));
  }

  @Override
  public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
    if (wanted(sagaId)) {
      print(new Transition(now(), sagaId, Optional.empty(), Optional.of(from.name()), to.name()), Style.of(to));
      if (to.isSettled() && only.isPresent()) {
        settled.run();
      }
    }
  }

  @Override
  public void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
    if (wanted(sagaId)) {
      print(new Transition(now(), sagaId, Optional.of(stepId), Optional.of(from.name()), to.name()), Style.of(to));
    }
  }

  private boolean wanted(String sagaId) {
    return only.map(sagaId::equals).orElse(true);
  }

  private String now() {
    return Instant.now(clock).toString();
  }

  private synchronized void print(Transition t, Style style) {
    try {
      if (out.json()) {
        out.printJsonLine(t);
        return;
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    String what = t.step().map(s -> "step " + s).orElse("saga");
    String change = t.from().map(f -> f + " -> ").orElse("now ") + out.paint(style, t.to());
    out.println(TIME.format(Instant.parse(t.time())) + "  " + t.saga() + "  " + what + "  " + change);
    out.flush();
  }
}
