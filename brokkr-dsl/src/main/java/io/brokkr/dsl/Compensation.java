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

  public Compensation {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(worker, "worker");
    args = JsonValues.canonical(args);
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** A compensator with the node's default retry policy and no timeout. */
  public Compensation(String step, String worker, List<Object> args, List<String> inputs) {
    this(step, worker, args, inputs, RetrySpec.NODE_DEFAULT, Optional.empty());
  }

  /** This compensator with {@code policy} as its retry policy. */
  public Compensation withRetry(RetrySpec policy) {
    return new Compensation(step, worker, args, inputs, Objects.requireNonNull(policy, "retry"), timeout);
  }

  /** This compensator with {@code attemptTimeout} as its timeout. */
  public Compensation withTimeout(Duration attemptTimeout) {
    return new Compensation(step, worker, args, inputs, retry, Optional.of(attemptTimeout));
  }
}
