package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases this node holds, renewed every third of the lease time on a thread of their own, which
 * nothing else uses, so that no slow call, timer or callback delays a renewal. A renewal refused for
 * a stale token (the step settled or a newer attempt runs) drops the lease.
 *
 * <p>It also knows which attempts' bodies still run (for the drain and the node's count): one set
 * holds the attempts that hold a lease or run, each with a flag for either ({@link Attempt#dropLease},
 * {@link Attempt#bodyReturned}), so that a claim adds one entry and its end takes one out, where a
 * set of leases and a set of running attempts took two each.
 */
final class Leases implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Leases.class);

  private final SagaStore store;
  private final Timers timers;
  private final NodeOptions options;
  /** The attempts that hold a lease, or whose bodies run, or both. */
  private final HeldAttempts held = new HeldAttempts();
  /** Whether a drain waits: only then does a body's return take the monitor to wake it. */
  private volatile boolean awaited;
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

  /** The attempt was claimed: it holds its lease, and its body is about to run. */
  void hold(Attempt attempt) {
    held.add(attempt);
  }

  /** Stops renewing the attempt's lease (once; later calls do nothing) and cancels its timeout. */
  void drop(Attempt attempt) {
    if (attempt.dropLease()) {
      leaveOnceDone(attempt);
    }
    attempt.cancelTimeout();
  }

  /** The node is done with the attempt: its lease is dropped and its body will not run on (as both calls). */
  void end(Attempt attempt) {
    drop(attempt);
    returned(attempt);
  }

  /** The attempt's body returned, or will never run (once; later calls do nothing). */
  void returned(Attempt attempt) {
    if (attempt.bodyReturned()) {
      leaveOnceDone(attempt);
      if (awaited) {
        synchronized (this) {
          notifyAll();
        }
      }
    }
  }

  // Each of the two clears its own flag before it reads the other's (volatile): whichever clears
  // second sees both cleared, so the attempt leaves the set.
  private void leaveOnceDone(Attempt attempt) {
    if (!attempt.holdsLease() && !attempt.runs()) {
      held.remove(attempt);
    }
  }

  /** Whether this node holds the attempt of {@code step} with {@code token}. */
  boolean holds(StepRef step, long token) {
    return !held.select(a -> a.holdsLease() && a.ref().equals(step) && a.token() == token).isEmpty();
  }

  /** How many attempts' bodies run here now. */
  int running() {
    return held.select(Attempt::runs).size();
  }

  /** Waits until no attempt's body runs, or {@code timeout} passed; returns those whose bodies still run. */
  List<Attempt> awaitNoneRunning(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaited = true;
    synchronized (this) {
      long left;
      while (running() > 0 && (left = deadline - System.nanoTime()) > 0) {
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return held.select(Attempt::runs);
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
    for (Attempt attempt : held.select(Attempt::holdsLease)) {
      if (!attempt.holdsLease()) {
        continue; // dropped since the copy: its token may be stale
      }
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
