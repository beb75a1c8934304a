package io.brokkr.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until the test moves it. Thread-safe: the node's threads read it while
 * the test moves it. Move it through {@link TestBrokkr#advance(Duration)}, which also fires the
 * timers that became due; moving it here alone leaves them to the store's next sweep.
 */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;

  private TestClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /**
   * {@return a clock standing at {@code start}}
   *
   * @param start the time the clock shows until it is moved
   */
  public static TestClock at(Instant start) {
    return new TestClock(Objects.requireNonNull(start, "start"));
  }

  /**
   * Moves the clock forward.
   *
   * @param by how far, zero or more
   * @return the time the clock shows now
   * @throws IllegalArgumentException quoting the value when it is negative: time does not go back
   */
  public Instant advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.isNegative()) {
      throw new IllegalArgumentException("a test clock moves forward only, not by " + by);
    }
    return now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** {@return this clock: it shows UTC only} */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "TestClock[" + now.get() + "]";
  }
}
