package io.brokkr.dsl;

import java.util.List;
import java.util.Objects;

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
 */
public record Compensation(String step, String worker, List<Object> args, List<String> inputs) {

  public Compensation {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(worker, "worker");
    args = JsonValues.canonical(args);
    inputs = List.copyOf(inputs);
  }
}
