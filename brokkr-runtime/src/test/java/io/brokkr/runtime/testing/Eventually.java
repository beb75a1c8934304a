package io.brokkr.runtime.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that other threads or processes make true, for the tests of every module:
 * checks it every millisecond until it holds, and fails naming what it waited for once the
 * patience is spent. No test sleeps for a fixed time.
 */
public final class Eventually {
  /** How long a test waits by default; never reached when the code under test works. */
  public static final Duration PATIENCE = Duration.ofSeconds(20);

  private Eventually() {}

  /** Waits until {@code condition} holds, at most {@link #PATIENCE}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, PATIENCE);
  }

  /** Waits until {@code condition} holds, at most {@code patience}; fails with {@code what} after it. */
  public static void until(String what, BooleanSupplier condition, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + patience.toSeconds() + " s in vain for " + what);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("interrupted while waiting for " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }
}
