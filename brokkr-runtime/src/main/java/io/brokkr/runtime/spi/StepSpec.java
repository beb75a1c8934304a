package io.brokkr.runtime.spi;

import io.brokkr.dsl.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step is, as given when it is added; it never changes afterwards.
 *
 * @param stepId the step's id, unique within its saga
 * @param workerName the worker that runs it
 * @param dependsOn the steps whose results it receives, in this order; for a compensator, the one
 *     step it compensates
 * @param argsJson its fixed args, a JSON array
 * @param retry how often an attempt is made and how long to wait in between
 * @param timeout how long one attempt may run; empty for no limit
 */
public record StepSpec(
    String stepId,
    String workerName,
    List<String> dependsOn,
    String argsJson,
    RetryPolicy retry,
    Optional<Duration> timeout) {

  /**
   * Checks that no component is null; copies the dependencies.
   *
   * @param stepId the step's id, unique within its saga
   * @param workerName the worker that runs it
   * @param dependsOn the steps whose results it receives, in this order; empty for none
   * @param argsJson its fixed args, a JSON array
   * @param retry how often an attempt is made and how long to wait in between
   * @param timeout how long one attempt may run; empty for no limit
   */
  public StepSpec {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(workerName, "workerName");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(argsJson, "argsJson");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
  }
}
