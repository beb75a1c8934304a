package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepRef;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leases this node holds, renewed every third of the lease time. An async step keeps its lease
 * after its body returned, until the step settles; a renewal refused for a stale token (the step
 * settled or a newer attempt runs) drops it.
 */
final class Leases {
  private static final System.Logger LOG = System.getLogger(Leases.class.getName());

  private final SagaStore store;
  private final Timers timers;
  private final NodeOptions options;
  private final Set<Attempt> held = ConcurrentHashMap.newKeySet();

  Leases(SagaStore store, Timers timers, NodeOptions options) {
    this.store = store;
    this.timers = timers;
    this.options = options;
    timers.every(options.lease().dividedBy(3), this::renew);
  }

  void hold(Attempt attempt) {
    held.add(attempt);
  }

  void drop(Attempt attempt) {
    held.remove(attempt);
    attempt.cancelTimeout();
  }

  /** Whether this node holds the attempt of {@code step} with {@code token}. */
  boolean holds(StepRef step, long token) {
    return held.stream().anyMatch(a -> a.ref().equals(step) && a.token() == token);
  }

  private void renew() {
    Instant until = timers.now().plus(options.lease());
    for (Attempt attempt : held) {
      try {
        if (!store.heartbeat(attempt.ref(), attempt.token(), until)) {
          drop(attempt);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "node " + options.nodeId() + " could not renew the lease of " + attempt.ref(), e);
      }
    }
  }
}
