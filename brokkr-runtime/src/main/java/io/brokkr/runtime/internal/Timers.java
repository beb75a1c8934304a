package io.brokkr.runtime.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Timers of a node (backoffs, timeouts; or rechecks of outcomes), on one daemon thread. */
final class Timers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Timers.class);

  private final Clock clock;
  private final ScheduledThreadPoolExecutor scheduler;

  Timers(Clock clock, String nodeId, String name) {
    this.clock = clock;
    this.scheduler = new ScheduledThreadPoolExecutor(1, Threads.daemon("brokkr-" + nodeId + "-" + name));
    scheduler.setRemoveOnCancelPolicy(true);
  }

  Instant now() {
    return clock.instant();
  }

  /** Runs {@code task} at {@code when} (at once if that has passed); never once the node closed. */
  Future<?> at(Instant when, Runnable task) {
    long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
    try {
      return scheduler.schedule(guarded(task), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Runs {@code task} after {@code delay}; false, and never runs it, once the node closed. */
  boolean after(Duration delay, Runnable task) {
    try {
      scheduler.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (RejectedExecutionException closed) {
      return false;
    }
  }

  /** Runs {@code task} every {@code period} until the node closes. */
  void every(Duration period, Runnable task) {
    long millis = Math.max(1, period.toMillis());
    scheduler.scheduleWithFixedDelay(guarded(task), millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    Threads.await(scheduler);
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("a Brokkr timer failed", e);
      }
    };
  }
}
