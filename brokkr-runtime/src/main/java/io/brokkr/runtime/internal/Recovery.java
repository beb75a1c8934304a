package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * Resumes the unfinished sagas of the namespace on this node: re-queues steps whose attempt was
 * lost, re-arms the timers of backoffs, timeouts and leases that another (maybe dead) node armed.
 */
final class Recovery {
  private final SagaStore store;
  private final Timers timers;
  private final Leases leases;
  private final Changes changes;
  private final NodeOptions options;

  Recovery(SagaStore store, Timers timers, Leases leases, Changes changes, NodeOptions options) {
    this.store = store;
    this.timers = timers;
    this.leases = leases;
    this.changes = changes;
    this.options = options;
  }

  /** Resumes every unfinished saga; returns how many. */
  int restore() {
    int resumed = 0;
    for (String sagaId : store.unfinishedSagas()) {
      Optional<SagaSnapshot> saga = store.load(sagaId);
      if (saga.isPresent()) {
        saga.get().steps().forEach(this::resume);
        resumed++;
      }
    }
    return resumed;
  }

  private void resume(StepSnapshot step) {
    switch (step.status()) {
      case QUEUED -> step.retryAt().ifPresentOrElse(
          at -> timers.at(at, () -> requeue(step.ref())),
          () -> requeue(step.ref()));
      case RUNNING -> step.lease().ifPresent(lease -> {
        if (!leases.holds(step.ref(), lease.token())) {
          watch(step.ref(), lease);
        }
      });
      default -> {
        // Settled, or waiting for dependencies: nothing of it runs or waits on a timer.
      }
    }
  }

  private void requeue(StepRef step) {
    changes.apply(step, store.requeue(step));
  }

  /**
   * Watches an attempt this node does not hold. One that names this node was lost in a restart;
   * otherwise it fails once its deadline passed or its owner stopped renewing the lease.
   */
  private void watch(StepRef step, Lease lease) {
    if (lease.owner().equals(options.nodeId())) {
      expire(step, lease, "attempt lost: node " + lease.owner() + " restarted");
      return;
    }
    Instant check = lease.deadline().filter(d -> d.isBefore(lease.until())).orElse(lease.until());
    timers.at(check, () -> recheck(step, lease.token()));
  }

  private void recheck(StepRef step, long token) {
    Optional<Lease> lease = store.load(step.sagaId())
        .flatMap(s -> s.step(step.stepId()))
        .flatMap(StepSnapshot::lease)
        .filter(l -> l.token() == token);
    if (lease.isEmpty()) {
      return;
    }
    Instant now = timers.now();
    if (lease.get().deadline().filter(d -> !now.isBefore(d)).isPresent()) {
      expire(step, lease.get(), "attempt timed out while its node " + lease.get().owner() + " was gone");
    } else if (!now.isBefore(lease.get().until())) {
      expire(step, lease.get(), "lease of node " + lease.get().owner() + " expired");
    } else {
      watch(step, lease.get());
    }
  }

  private void expire(StepRef step, Lease lease, String reason) {
    changes.apply(step, store.fail(step, Settler.attempt(lease.token()), reason, timers.now()));
  }
}
