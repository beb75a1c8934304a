package io.brokkr.dsl;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a step is attempted and how long to wait between attempts: the wait starts at
 * {@code initialBackoff} and is multiplied by {@code multiplier} after each retry, up to
 * {@code maxBackoff}. A policy may hold invalid values; {@link SagaValidator} reports them.
 *
 * @param maxAttempts attempts before the step fails, at least 1
 * @param initialBackoff the wait before the first retry, not negative
 * @param multiplier the growth of the wait after each retry, at least 1.0
 * @param maxBackoff the longest wait, at least {@code initialBackoff}
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

  /**
   * The default policy of a node built without {@code defaultRetryPolicy}: 3 attempts, backoff from
   * 100 ms doubling to at most 10 s. A step's {@link RetrySpec} fills what it leaves out from the
   * node's default, which may differ.
   */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(10));

  /** A single attempt, never retried. */
  public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

  /**
   * Checks that neither duration is null; the values themselves are checked by {@link SagaValidator}.
   *
   * @param maxAttempts attempts before the step fails
   * @param initialBackoff the wait before the first retry
   * @param multiplier the growth of the wait after each retry
   * @param maxBackoff the longest wait
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /**
   * The wait before attempt {@code nextAttempt} (2 for the first retry).
   *
   * @param nextAttempt the number of the attempt about to be made, from 2
   * @return {@code initialBackoff × multiplier^(nextAttempt - 2)}, at most {@code maxBackoff}, in whole milliseconds
   * @throws IllegalArgumentException when {@code nextAttempt} is below 2
   */
  public Duration backoffBefore(int nextAttempt) {
    if (nextAttempt < 2) {
      throw new IllegalArgumentException("the first retry is attempt 2, was " + nextAttempt);
    }
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, nextAttempt - 2.0);
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
  }
}
