package io.brokkr.dsl;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link SagaTemplate}.
 *
 * @param name the step's name, unique within the saga; a saga started from the template uses it as
 *     the step's id
 * @param worker the name of the worker that runs the step
 * @param dependsOn the steps whose results this step receives, in this order
 * @param inputs the saga inputs this step receives as its args, in this order
 * @param outputType the Java type of the step's result, for code generation; empty when the step
 *     has no result or declares no type
 * @param retry the step's retry policy; each value left out is the node's default
 * @param timeout how long one attempt may run; empty means no timeout
 * @param async whether the step is completed from outside rather than by its worker's return value
 */
public record StepTemplate(
    String name,
    String worker,
    List<String> dependsOn,
    List<String> inputs,
    Optional<String> outputType,
    RetrySpec retry,
    Optional<Duration> timeout,
    boolean async) {

  /**
   * Checks that no component is null; copies the lists.
   *
   * @param name the step's name, unique within the saga
   * @param worker the name of the worker that runs the step
   * @param dependsOn the steps whose results this step receives, in this order; empty for none
   * @param inputs the saga inputs this step receives as its args, in this order; empty for none
   * @param outputType the Java type of the step's result; empty when it has none or declares none
   * @param retry the step's retry policy; each value left out is the node's default
   * @param timeout how long one attempt may run; empty means no timeout
   * @param async whether the step is completed from outside
   */
  public StepTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(worker, "worker");
    dependsOn = List.copyOf(dependsOn);
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(outputType, "outputType");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * {@return the worker name a step gets when none is given: {@code <sagaName>.<stepName>}}
   *
   * @param sagaName the saga's name
   * @param stepName the step's name
   */
  public static String defaultWorker(String sagaName, String stepName) {
    return sagaName + "." + stepName;
  }
}
