package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.Settler;
import java.time.Instant;
import java.util.Optional;

/**
 * Fires one due timer of a step, as the Redis store's timer script does: a lease that expired (its
 * node died or stopped renewing) fails that attempt, to be retried as a new attempt on any node; a
 * backoff that ended requeues the step; a timer that moved is re-armed; anything else is dropped.
 */
final class DueTimers {
  private DueTimers() {}

  static void fire(MemorySaga saga, String stepId, Instant now, TimerIndex timers) {
    // The saga's own lock: the check and the transition it leads to are one atomic step.
    synchronized (saga) {
      MemoryStep step = saga.step(stepId);
      if (step == null) {
        return;
      }
      if (step.status == StepStatus.RUNNING && step.lease.isPresent()) {
        expire(saga, step, step.lease.get(), now, timers);
      } else if (step.status == StepStatus.QUEUED && step.retryAt.isPresent()) {
        Instant at = step.retryAt.get();
        if (at.isAfter(now)) {
          timers.arm(step.ref, at);
        } else {
          saga.requeue(stepId);
        }
      }
    }
  }

  private static void expire(MemorySaga saga, MemoryStep step, Lease lease, Instant now, TimerIndex timers) {
    if (lease.until().isAfter(now)) {
      timers.arm(step.ref, lease.until());
      return;
    }
    String reason = lease.deadline().filter(d -> !d.isAfter(now)).isPresent()
        ? "attempt timed out while its node " + lease.owner() + " was gone"
        : "lease of node " + lease.owner() + " expired";
    Optional<Instant> retryAt = saga.fail(step.id(), Settler.attempt(lease.token()), reason, now).retryAt();
    retryAt.ifPresent(at -> timers.arm(step.ref, at));
  }
}
