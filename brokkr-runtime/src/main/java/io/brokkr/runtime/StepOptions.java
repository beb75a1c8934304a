package io.brokkr.runtime;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.internal.Policies;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one step of a dynamic saga is attempted; see
 * {@link Saga#addStep(String, java.util.List, java.util.List, StepOptions)}.
 *
 * @param retry the step's retry policy; empty means the node's default
 * @param timeout how long one attempt may run before it fails (an async step included); empty means
 *     no limit
 */
public record StepOptions(Optional<RetryPolicy> retry, Optional<Duration> timeout) {

  /** The node's default retry policy, no timeout. */
  public static final StepOptions DEFAULTS = new StepOptions(Optional.empty(), Optional.empty());

  /**
   * Checks both options.
   *
   * @param retry the step's retry policy; empty means the node's default
   * @param timeout how long one attempt may run; empty means no limit
   * @throws IllegalArgumentException quoting the bad value when the policy is invalid or the timeout
   *     not positive
   */
  public StepOptions {
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    retry.ifPresent(p -> Policies.checkRetry(p, "retry"));
    timeout.ifPresent(t -> Policies.checkTimeout(t, "timeout"));
  }

  /**
   * These options with {@code policy}.
   *
   * @param policy the step's retry policy, instead of the node's default
   * @return a copy with this policy
   * @throws IllegalArgumentException quoting the bad value when the policy is invalid
   */
  public StepOptions withRetry(RetryPolicy policy) {
    return new StepOptions(Optional.of(policy), timeout);
  }

  /**
   * These options with an attempt timeout.
   *
   * @param attemptTimeout how long one attempt may run before it fails, positive
   * @return a copy with this timeout
   * @throws IllegalArgumentException quoting the value when it is not positive
   */
  public StepOptions withTimeout(Duration attemptTimeout) {
    return new StepOptions(retry, Optional.of(attemptTimeout));
  }
}
