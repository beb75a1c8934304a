package io.brokkr.runtime.internal.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net of one open store view, off the hot path: a few times a second it fires the due
 * timers of the whole namespace, whichever node armed them, so that a live node takes over the
 * attempts of a dead one and the backoffs a closed node left behind. Every view sweeps; a timer is
 * taken by one sweep, and firing it checks the step first, so sweeping twice is harmless.
 */
final class MemorySweeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MemorySweeper.class);
  /** Cheap: a sweep looks at the head of one sorted index. */
  private static final long PERIOD_MILLIS = 100;

  private final ScheduledThreadPoolExecutor thread;

  MemorySweeper(MemoryNamespace namespace, Clock clock, Here here) {
    this.thread = new ScheduledThreadPoolExecutor(1, task -> {
      Thread t = new Thread(task, "brokkr-memory-sweep-" + namespace.name());
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(() -> sweep(namespace, clock, here), PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  private static void sweep(MemoryNamespace namespace, Clock clock, Here here) {
    try {
      Instant now = clock.instant();
      namespace.sweep(now, here);
      namespace.dropExpired(now);
    } catch (RuntimeException e) {
      LOG.warn("a sweep of namespace " + namespace.name() + " failed; the next one retries", e);
    }
  }

  /** Stops sweeping; a sweep under way ends on its own (another view may sweep the same timers). */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
