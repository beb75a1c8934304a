package io.brokkr.dsl;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The retry policy of a step or compensator as written: each value is optional, and a value left
 * out takes the node's default ({@code BrokkrBuilder.defaultRetryPolicy}) when a saga starts. So
 * {@code @Step(backoff = "10ms")} on a node whose default is 5 attempts gets 5 attempts, 10 ms
 * apart at first. A spec may hold invalid values; {@link SagaValidator} reports them.
 *
 * @param maxAttempts attempts before the step fails, at least 1
 * @param backoff the wait before the first retry, not negative
 * @param backoffMultiplier the growth of the wait after each retry, at least 1.0
 * @param maxBackoff the longest wait, at least {@code backoff}
 */
public record RetrySpec(
    Optional<Integer> maxAttempts,
    Optional<Duration> backoff,
    Optional<Double> backoffMultiplier,
    Optional<Duration> maxBackoff) {

  /** Every value from the node's default policy. */
  public static final RetrySpec NODE_DEFAULT =
      new RetrySpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Checks that no component is null.
   *
   * @param maxAttempts attempts before the step fails; empty for the node's default
   * @param backoff the wait before the first retry; empty for the node's default
   * @param backoffMultiplier the growth of the wait after each retry; empty for the node's default
   * @param maxBackoff the longest wait; empty for the node's default
   */
  public RetrySpec {
    Objects.requireNonNull(maxAttempts, "maxAttempts");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(backoffMultiplier, "backoffMultiplier");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
  }

  /**
   * {@return a spec with every value from {@code policy}: the node's default plays no part}
   *
   * @param policy the policy whose four values the spec gives
   */
  public static RetrySpec of(RetryPolicy policy) {
    Objects.requireNonNull(policy, "retry policy");
    return new RetrySpec(Optional.of(policy.maxAttempts()), Optional.of(policy.initialBackoff()),
        Optional.of(policy.multiplier()), Optional.of(policy.maxBackoff()));
  }

  /**
   * {@return this spec with {@code attempts} as its maximum number of attempts}
   *
   * @param attempts attempts before the step fails, at least 1 (checked by the validator)
   */
  public RetrySpec withMaxAttempts(int attempts) {
    return new RetrySpec(Optional.of(attempts), backoff, backoffMultiplier, maxBackoff);
  }

  /**
   * {@return this spec with {@code wait} as the backoff before the first retry}
   *
   * @param wait the wait before the first retry, not negative (checked by the validator)
   */
  public RetrySpec withBackoff(Duration wait) {
    return new RetrySpec(maxAttempts, Optional.of(Objects.requireNonNull(wait, "backoff")), backoffMultiplier,
        maxBackoff);
  }

  /**
   * {@return this spec with {@code multiplier} as the growth of the backoff after each retry}
   *
   * @param multiplier the factor, at least 1.0 (checked by the validator)
   */
  public RetrySpec withBackoffMultiplier(double multiplier) {
    return new RetrySpec(maxAttempts, backoff, Optional.of(multiplier), maxBackoff);
  }

  /**
   * {@return this spec with {@code cap} as the longest backoff}
   *
   * @param cap the longest wait between attempts (checked by the validator)
   */
  public RetrySpec withMaxBackoff(Duration cap) {
    return new RetrySpec(maxAttempts, backoff, backoffMultiplier,
        Optional.of(Objects.requireNonNull(cap, "maxBackoff")));
  }

  /** {@return whether no value is given, so that the node's default policy applies as it is} */
  public boolean isNodeDefault() {
    return equals(NODE_DEFAULT);
  }

  /** {@return whether every value is given, so that the node's default plays no part} */
  public boolean isComplete() {
    return maxAttempts.isPresent() && backoff.isPresent() && backoffMultiplier.isPresent() && maxBackoff.isPresent();
  }

  /**
   * The policy this spec gives on a node whose default is {@code nodeDefault}: each value left out
   * is the default's. A backoff given alone that is longer than the default's cap raises the cap to
   * it, and a cap given alone that is shorter than the default's backoff lowers the backoff to it,
   * so that a valid spec always gives a valid policy.
   *
   * @param nodeDefault the node's default policy ({@code BrokkrBuilder.defaultRetryPolicy})
   * @return the complete policy
   */
  public RetryPolicy resolve(RetryPolicy nodeDefault) {
    Objects.requireNonNull(nodeDefault, "nodeDefault");
    Duration initial = backoff.orElseGet(() -> maxBackoff
        .filter(cap -> cap.compareTo(nodeDefault.initialBackoff()) < 0).orElse(nodeDefault.initialBackoff()));
    Duration cap = maxBackoff.orElseGet(() -> initial.compareTo(nodeDefault.maxBackoff()) > 0
        ? initial : nodeDefault.maxBackoff());
    return new RetryPolicy(maxAttempts.orElse(nodeDefault.maxAttempts()), initial,
        backoffMultiplier.orElse(nodeDefault.multiplier()), cap);
  }
}
