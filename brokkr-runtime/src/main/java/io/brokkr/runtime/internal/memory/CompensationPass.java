package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

/**
 * Advances a COMPENSATING saga: queues every compensator whose turn came, skips the ones not
 * needed, and settles the saga when nothing is left to wait for. Incremental: each action keeps
 * its verdict once decided and the counts of its dependents still pending and BLOCKED, the saga
 * how many actions are pending. When compensation begins one pass walks the actions backwards in
 * the order they were added, which puts every step after all its dependents; after that a change
 * decides the step it changed, and a decided step visits its dependencies only (a worklist), so a
 * completion costs its dependencies, not the saga's size.
 */
final class CompensationPass {

  /** Where a step stands in undoing the saga. */
  enum Undo {
    /** Nothing of it remains to undo. */
    UNDONE,
    /** Still running, or its compensator runs, or a dependent's does. */
    PENDING,
    /** Its compensator, or a dependent's, failed: it stays as it is. */
    BLOCKED
  }

  private CompensationPass() {}

  /**
   * Called under the saga's lock when compensation begins, or resumes after an operator's retry or
   * resolve: decides every action afresh.
   */
  static void begin(MemorySaga saga) {
    List<MemoryStep> actions = saga.actions();
    saga.undoPending = actions.size();
    saga.undoBlocked = false;
    for (MemoryStep step : actions) {
      step.undo = Undo.PENDING;
      step.pendingDependents = saga.dependentsOf(step).size();
      step.blockedDependents = 0;
    }
    for (int i = actions.size() - 1; i >= 0; i--) {
      settle(saga, actions.get(i), null);
    }
    settleSaga(saga);
  }

  /** Called under the saga's lock after {@code changed}, an action, changed status. */
  static void run(MemorySaga saga, MemoryStep changed) {
    if (saga.status() != SagaStatus.COMPENSATING) {
      return;
    }
    Queue<MemoryStep> worklist = new ArrayDeque<>();
    worklist.add(changed);
    for (MemoryStep step = worklist.poll(); step != null; step = worklist.poll()) {
      settle(saga, step, worklist);
    }
    settleSaga(saga);
  }

  private static void settleSaga(MemorySaga saga) {
    if (saga.undoPending == 0) {
      saga.move(saga.undoBlocked ? SagaStatus.FAILED : SagaStatus.COMPENSATED);
    }
  }

  /**
   * Decides a pending step; a decided one tells its dependencies, and those left without pending
   * dependents go to the worklist, if any.
   */
  private static void settle(MemorySaga saga, MemoryStep step, Queue<MemoryStep> worklist) {
    if (step.undo != Undo.PENDING) {
      return;
    }
    Undo verdict = decide(saga, step);
    if (verdict == Undo.PENDING) {
      return;
    }
    step.undo = verdict;
    saga.undoPending--;
    saga.undoBlocked |= verdict == Undo.BLOCKED;
    for (String id : step.spec.dependsOn()) {
      MemoryStep dependency = saga.step(id);
      dependency.pendingDependents--;
      if (verdict == Undo.BLOCKED) {
        dependency.blockedDependents++;
      }
      if (worklist != null && dependency.pendingDependents == 0) {
        worklist.add(dependency);
      }
    }
  }

  /**
   * Whether the saga must undo the step: it finished, or it is possibly done (an attempt's outcome
   * is unknown) and never finished. A step that failed explicitly did nothing.
   */
  private static boolean toUndo(MemoryStep step) {
    return step.status == StepStatus.FINISHED
        || (step.possiblyDone && (step.status == StepStatus.FAILED || step.status == StepStatus.SKIPPED));
  }

  private static Undo decide(MemorySaga saga, MemoryStep step) {
    Optional<MemoryStep> compensator = Optional.ofNullable(step.compensator).map(saga::step);
    if (step.status == StepStatus.COMPENSATED) {
      return Undo.UNDONE;
    }
    if (step.status == StepStatus.FAILED && compensator.map(c -> c.status == StepStatus.FAILED).orElse(false)) {
      return Undo.BLOCKED;
    }
    if (toUndo(step)) {
      if (step.pendingDependents > 0) {
        return Undo.PENDING;
      }
      if (step.blockedDependents > 0) {
        // Its compensator waits: it runs once an operator retries or resolves what blocks it.
        return Undo.BLOCKED;
      }
      if (compensator.isEmpty()) {
        return Undo.UNDONE;
      }
      // A possibly-done step's compensator runs without the step's result: it is told so.
      compensator.get().possiblyDone = step.possiblyDone;
      saga.move(step, StepStatus.COMPENSATING);
      saga.queue(compensator.get());
      return Undo.PENDING;
    }
    if (step.status == StepStatus.SKIPPED || step.status == StepStatus.FAILED) {
      skip(saga, compensator);
      return Undo.UNDONE;
    }
    return Undo.PENDING;
  }

  private static void skip(MemorySaga saga, Optional<MemoryStep> compensator) {
    compensator.filter(c -> c.status == StepStatus.WAITING_FOR_COMPENSATION)
        .ifPresent(c -> saga.move(c, StepStatus.SKIPPED));
  }
}
