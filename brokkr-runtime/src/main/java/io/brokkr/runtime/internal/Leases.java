package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepRef;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases this node holds, renewed every third of the lease time on a thread of their own, which
 * nothing else uses, so that no slow call, timer or callback delays a renewal. A renewal refused for
 * a stale token (the step settled or a newer attempt runs) drops the lease.
 */
final class Leases implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

  private final SagaStore store;
  private final Timers timers;
  private final NodeOptions options;
  private final Set<Attempt> held = ConcurrentHashMap.newKeySet();
  private final ScheduledThreadPoolExecutor renewer;

  Leases(SagaStore store, Timers timers, NodeOptions options) {
    this.store = store;
    this.timers = timers;
    this.options = options;
    this.renewer = new ScheduledThreadPoolExecutor(1, Threads.daemon("brokkr-" + options.nodeId() + "-leases"));
    long period = Math.max(1, options.lease().dividedBy(3).toMillis());
    renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  /** Stops renewing: the leases still held expire unless their attempts were handed back. */
  @Override
  public void close() {
    renewer.shutdownNow();
    Threads.await(renewer);
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

  /**
   * A renewal was refused while the body still ran: the store's timer failed the attempt, its lease
   * having expired (a renewal came too late), unless its deadline passed (a timeout, reported as such).
   * The node whose sweep failed it counts the expired lease, not this one.
   */
  private void expired(Attempt attempt) {
    boolean pastDeadline = attempt.claim.lease().deadline().filter(d -> !d.isAfter(timers.now())).isPresent();
    if (!attempt.ended() && !pastDeadline) {
      attempt.lose();
    }
  }

  private void renew() {
    Instant until = timers.now().plus(options.lease());
    for (Attempt attempt : held) {
      try {
        if (store.heartbeat(attempt.ref(), attempt.token(), until)) {
          attempt.renewed(until);
        } else {
          drop(attempt);
          expired(attempt);
        }
      } catch (RuntimeException e) {
        // The next renewal tries again; a lease that expires meanwhile fails its attempt as possibly done.
        LOG.warn("node " + options.nodeId() + " could not renew the lease of " + attempt.ref(), e);
      }
    }
  }
}
