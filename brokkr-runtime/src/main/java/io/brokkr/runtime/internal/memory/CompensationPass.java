package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Advances a COMPENSATING saga: queues every compensator whose turn came, skips the ones not
 * needed, and settles the saga when nothing is left to wait for. It walks the steps backwards in
 * the order they were added, which puts every step after all its dependents (a dependency must
 * exist when a step is added), so one linear pass decides each step from its dependents' verdicts.
 */
final class CompensationPass {

  /** Where a step stands in undoing the saga. */
  private enum Undo {
    /** Nothing of it remains to undo. */
    UNDONE,
    /** Still running, or its compensator runs. */
    PENDING,
    /** Its compensator, or a dependent's, failed: it stays as it is. */
    BLOCKED
  }

  private CompensationPass() {}

  /** Called under the saga's lock after each change of a COMPENSATING saga. */
  static void run(MemorySaga saga) {
    if (saga.status() != SagaStatus.COMPENSATING) {
      return;
    }
    List<MemoryStep> actions = saga.actions();
    Map<String, Undo> verdicts = new HashMap<>();
    boolean pending = false;
    boolean blocked = false;
    for (int i = actions.size() - 1; i >= 0; i--) {
      MemoryStep step = actions.get(i);
      Undo verdict = decide(saga, step, verdicts);
      verdicts.put(step.id(), verdict);
      pending |= verdict == Undo.PENDING;
      blocked |= verdict == Undo.BLOCKED;
    }
    if (!pending) {
      saga.move(blocked ? SagaStatus.FAILED : SagaStatus.COMPENSATED);
    }
  }

  private static Undo decide(MemorySaga saga, MemoryStep step, Map<String, Undo> verdicts) {
    Optional<MemoryStep> compensator = step.compensator.map(saga::step);
    switch (step.status) {
      case COMPENSATED:
        return Undo.UNDONE;
      case SKIPPED:
        skip(saga, compensator);
        return Undo.UNDONE;
      case FAILED:
        if (compensator.map(c -> c.status == StepStatus.FAILED).orElse(false)) {
          return Undo.BLOCKED;
        }
        skip(saga, compensator);
        return Undo.UNDONE;
      case FINISHED:
        Undo dependents = dependentsVerdict(saga, step, verdicts);
        if (dependents == Undo.BLOCKED) {
          skip(saga, compensator);
        }
        if (dependents != Undo.UNDONE) {
          return dependents;
        }
        if (compensator.isEmpty()) {
          return Undo.UNDONE;
        }
        saga.move(step, StepStatus.COMPENSATING);
        saga.queue(compensator.get());
        return Undo.PENDING;
      default:
        return Undo.PENDING;
    }
  }

  private static Undo dependentsVerdict(MemorySaga saga, MemoryStep step, Map<String, Undo> verdicts) {
    Undo worst = Undo.UNDONE;
    for (MemoryStep dependent : saga.dependentsOf(step)) {
      Undo verdict = verdicts.get(dependent.id());
      if (verdict == Undo.PENDING) {
        return Undo.PENDING;
      }
      if (verdict == Undo.BLOCKED) {
        worst = Undo.BLOCKED;
      }
    }
    return worst;
  }

  private static void skip(MemorySaga saga, Optional<MemoryStep> compensator) {
    compensator.filter(c -> c.status == StepStatus.WAITING_FOR_COMPENSATION)
        .ifPresent(c -> saga.move(c, StepStatus.SKIPPED));
  }
}
