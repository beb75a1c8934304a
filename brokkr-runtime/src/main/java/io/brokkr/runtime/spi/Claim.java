package io.brokkr.runtime.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An attempt granted to a node: the step moved to RUNNING under a new lease.
 *
 * @param step the step as it is now (RUNNING)
 * @param lease the attempt's lease and fencing token
 * @param dependencyResultsJson the results of the step's dependencies in declared order, each JSON
 *     text, and the text {@code "null"} for a dependency without result (never a Java null); for a
 *     compensator, the compensated step's result
 * @param traceContext the trace context stored with the saga when it was created
 *     ({@link SagaStore#createSaga(String, Optional, Map)}); empty when it was given none
 * @param readyAt when the step became claimable (the store's time), if the store knows
 */
public record Claim(StepSnapshot step, Lease lease, List<String> dependencyResultsJson,
    Map<String, String> traceContext, Optional<Instant> readyAt) {

  /**
   * Checks that no component is null; copies the results and the context.
   *
   * @param step the step as it is now (RUNNING)
   * @param lease the attempt's lease and fencing token
   * @param dependencyResultsJson the JSON results of the step's dependencies in declared order
   * @param traceContext the trace context stored with the saga; empty for none
   * @param readyAt when the step became claimable; empty when unknown
   */
  public Claim {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(lease, "lease");
    dependencyResultsJson = List.copyOf(dependencyResultsJson);
    traceContext = Map.copyOf(traceContext);
    Objects.requireNonNull(readyAt, "readyAt");
  }

  /**
   * A claim of a saga without trace context, whose readiness time is unknown.
   *
   * @param step the step as it is now (RUNNING)
   * @param lease the attempt's lease and fencing token
   * @param dependencyResultsJson the JSON results of the step's dependencies in declared order
   */
  public Claim(StepSnapshot step, Lease lease, List<String> dependencyResultsJson) {
    this(step, lease, dependencyResultsJson, Map.of(), Optional.empty());
  }
}
