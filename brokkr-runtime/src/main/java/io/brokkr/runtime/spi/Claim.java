package io.brokkr.runtime.spi;

import java.util.List;
import java.util.Objects;

/**
 * An attempt granted to a node: the step moved to RUNNING under a new lease.
 *
 * @param step the step as it is now (RUNNING)
 * @param lease the attempt's lease and fencing token
 * @param dependencyResultsJson the results of the step's dependencies in declared order, each JSON
 *     text, and the text {@code "null"} for a dependency without result (never a Java null); for a
 *     compensator, the compensated step's result
 */
public record Claim(StepSnapshot step, Lease lease, List<String> dependencyResultsJson) {

  /**
   * Checks that no component is null; copies the results.
   *
   * @param step the step as it is now (RUNNING)
   * @param lease the attempt's lease and fencing token
   * @param dependencyResultsJson the JSON results of the step's dependencies in declared order
   */
  public Claim {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(lease, "lease");
    dependencyResultsJson = List.copyOf(dependencyResultsJson);
  }
}
