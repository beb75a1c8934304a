package io.brokkr.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times as tables show them: UTC to the second, and ages in whole seconds. */
final class Times {
  private Times() {}

  /** {@code 2026-07-01T06:41:25Z}. */
  static String utc(Instant time) {
    return time.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code 4s ago}; a time ahead of {@code now} (another machine's clock) is {@code 0s ago}. */
  static String ago(Instant time, Instant now) {
    long seconds = Math.max(0, Duration.between(time, now).toSeconds());
    return seconds + "s ago";
  }
}
