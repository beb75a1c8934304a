package io.brokkr.dsl;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compensator of a step: the worker that undoes the step once a later step fails. The worker
 * receives its fixed args followed by the named saga inputs, and the compensated step's result.
 *
 * @param step the name of the step this compensates
 * @param worker the name of the worker that runs the compensation
 * @param args fixed args, JSON values (strings, numbers, booleans, lists, maps); whole numbers are
 *     kept as the smallest of Integer, Long and BigInteger, other numbers as Double, so that an arg
 *     reads back from YAML or JSON equal to what was given
 * @param inputs saga inputs appended to the args, in this order
 * @param retry the compensator's retry policy; each value left out is the node's default
 * @param timeout how long one attempt of the compensator may run; empty means no timeout
 */
public record Compensation(
    String step,
    String worker,
    List<Object> args,
    List<String> inputs,
    RetrySpec retry,
    Optional<Duration> timeout) {

  /**
   * Checks that no component is null; copies the lists, keeping each number arg in its canonical type.
   *
   * @param step the name of the step this compensates
   * @param worker the name of the worker that runs the compensation
   * @param args fixed args, JSON values; empty for none
   * @param inputs saga inputs appended to the args, in this order; empty for none
   * @param retry the compensator's retry policy; each value left out is the node's default
   * @param timeout how long one attempt may run; empty means no timeout
   */
  public Compensation {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(worker, "worker");
    args = JsonValues.canonical(args);
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * A compensator with the node's default retry policy and no timeout.
   *
   * @param step the name of the step this compensates
   * @param worker the name of the worker that runs the compensation
   * @param args fixed args, JSON values; empty for none
   * @param inputs saga inputs appended to the args, in this order; empty for none
   */
  public Compensation(String step, String worker, List<Object> args, List<String> inputs) {
    this(step, worker, args, inputs, RetrySpec.NODE_DEFAULT, Optional.empty());
  }

  /**
   * {@return this compensator with {@code policy} as its retry policy}
   *
   * @param policy the values given; each value left out is the node's default
   */
  public Compensation withRetry(RetrySpec policy) {
    return new Compensation(step, worker, args, inputs, Objects.requireNonNull(policy, "retry"), timeout);
  }

  /**
   * {@return this compensator with {@code attemptTimeout} as its timeout}
   *
   * @param attemptTimeout how long one attempt may run, positive (checked by the validator)
   */
  public Compensation withTimeout(Duration attemptTimeout) {
    return new Compensation(step, worker, args, inputs, retry, Optional.of(attemptTimeout));
  }
}
