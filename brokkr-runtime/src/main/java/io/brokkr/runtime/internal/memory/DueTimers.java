package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.internal.Attempt;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Lease;
import java.time.Instant;

/**
 * Fires one due timer of a step, as the Redis store's timer script does: a lease that expired (its
 * node died or stopped renewing) fails that attempt, to be retried as a new attempt on any node; a
 * backoff that ended requeues the step; a timer that moved is re-armed; anything else is dropped.
 * The sweeping view hears of an expired lease and of a saga that its firing settled.
 */
final class DueTimers {
  private DueTimers() {}

  /** Fires the timer; true when it moved the step. */
  static boolean fire(MemorySaga saga, String stepId, Instant now, TimerIndex timers, Here here) {
    // The saga's own lock: the check and the transition it leads to are one atomic step.
    synchronized (saga) {
      MemoryStep step = saga.step(stepId);
      if (step == null) {
        return false;
      }
      if (step.status == StepStatus.RUNNING && step.lease.isPresent()) {
        return expire(saga, step, step.lease.get(), now, timers, here);
      } else if (step.status == StepStatus.QUEUED && step.retryAt.isPresent()) {
        Instant at = step.retryAt.get();
        if (at.isAfter(now)) {
          timers.arm(step, at);
          return false;
        }
        return here.changed(saga.requeue(stepId)).applied();
      }
      return false;
    }
  }

  private static boolean expire(MemorySaga saga, MemoryStep step, Lease lease, Instant now, TimerIndex timers,
      Here here) {
    Instant due = step.leaseDue();
    if (due.isAfter(now)) {
      timers.arm(step, due);
      return false;
    }
    boolean pastDeadline = lease.deadline().filter(d -> !d.isAfter(now)).isPresent();
    String reason = pastDeadline
        ? Attempt.timedOut(step.attempt, step.spec.timeout().orElseThrow())
        : "lease of node " + lease.owner() + " expired";
    Change change = saga.failUnknown(step.id(), lease.token(), reason, now);
    if (change.applied() && !pastDeadline) {
      here.leaseExpired(step.ref(), step.spec.workerName());
    }
    return here.changed(change).applied();
  }
}
