package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import java.util.Optional;

/**
 * Resumes the unfinished sagas of the namespace on this node: re-queues steps whose queue entry
 * may have been lost, re-arms the ends of backoffs, and fails the attempts this node's id held
 * before a restart. Leases and deadlines of other nodes' attempts are the store's timers' job.
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
      // An attempt under another node's lease ends by the store's timers if that node is gone; one
      // under this node's id that this node does not hold was lost in a restart.
      case RUNNING -> step.lease()
          .filter(lease -> lease.owner().equals(options.nodeId()) && !leases.holds(step.ref(), lease.token()))
          .ifPresent(lease -> expire(step.ref(), lease, "attempt lost: node " + lease.owner() + " restarted"));
      default -> {
        // Settled, or waiting for dependencies: nothing of it runs or waits on a timer.
      }
    }
  }

  private void requeue(StepRef step) {
    changes.apply(step, store.requeue(step));
  }

  private void expire(StepRef step, Lease lease, String reason) {
    changes.apply(step, store.failUnknown(step, lease.token(), reason, timers.now()));
  }
}
