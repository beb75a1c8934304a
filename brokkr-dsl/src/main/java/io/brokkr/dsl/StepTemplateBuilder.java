package io.brokkr.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Describes one step in the {@link SagaTemplateBuilder} DSL; {@link #step(String)} moves to the next. */
public final class StepTemplateBuilder {
  private final SagaTemplateBuilder saga;
  private final String name;
  private Optional<String> worker = Optional.empty();
  private final List<String> dependsOn = new ArrayList<>();
  private final List<String> inputs = new ArrayList<>();
  private Optional<String> outputType = Optional.empty();
  private RetrySpec retry = RetrySpec.NODE_DEFAULT;
  private Optional<Duration> timeout = Optional.empty();
  private boolean async;

  StepTemplateBuilder(SagaTemplateBuilder saga, String name) {
    this.saga = saga;
    this.name = name;
  }

  /**
   * The worker that runs this step, instead of {@code <sagaName>.<stepName>}.
   *
   * @param workerName the worker's name, as registered on the nodes
   * @return this builder
   */
  public StepTemplateBuilder worker(String workerName) {
    worker = Optional.of(Objects.requireNonNull(workerName, "worker name"));
    return this;
  }

  /**
   * Steps whose results this step receives, in this order; each call adds to the list.
   *
   * @param stepNames names of steps of this saga
   * @return this builder
   */
  public StepTemplateBuilder dependsOn(String... stepNames) {
    dependsOn.addAll(Arrays.asList(requireNoNulls(stepNames, "dependency")));
    return this;
  }

  /**
   * Saga inputs this step receives as args, in this order; each call adds to the list.
   *
   * @param inputNames names of inputs of this saga
   * @return this builder
   */
  public StepTemplateBuilder inputs(String... inputNames) {
    inputs.addAll(Arrays.asList(requireNoNulls(inputNames, "input")));
    return this;
  }

  /**
   * The Java type of the step's result, for code generation.
   *
   * @param type a primitive, a qualified name or a {@code java.lang} simple name, e.g. {@code com.acme.HeadId}
   * @return this builder
   */
  public StepTemplateBuilder output(String type) {
    outputType = Optional.of(Objects.requireNonNull(type, "output type"));
    return this;
  }

  /**
   * The compensator of this step, with fixed args.
   *
   * @param workerName the worker that undoes this step
   * @param args fixed args, JSON values; none for a compensator without args
   * @return this builder
   */
  public StepTemplateBuilder compensateWith(String workerName, Object... args) {
    saga.compensate(name, workerName, Arrays.asList(requireNoNulls(args, "compensator arg")), List.of());
    return this;
  }

  /**
   * The retry policy of this step's compensator, instead of the node's default.
   *
   * @param policy every retry value of the compensator
   * @return this builder
   * @throws IllegalStateException when the step has no compensator yet ({@link #compensateWith})
   */
  public StepTemplateBuilder compensationRetry(RetryPolicy policy) {
    saga.compensationRetry(name, policy);
    return this;
  }

  /**
   * The retry values of this step's compensator that differ from the node's default, e.g.
   * {@code RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofSeconds(1))}.
   *
   * @param spec the values given; each value left out is the node's default
   * @return this builder
   * @throws IllegalStateException when the step has no compensator yet ({@link #compensateWith})
   */
  public StepTemplateBuilder compensationRetry(RetrySpec spec) {
    saga.compensationRetry(name, spec);
    return this;
  }

  /**
   * How long one attempt of this step's compensator may run before it counts as failed.
   *
   * @param attemptTimeout the longest attempt, positive (checked on build)
   * @return this builder
   * @throws IllegalStateException when the step has no compensator yet ({@link #compensateWith})
   */
  public StepTemplateBuilder compensationTimeout(Duration attemptTimeout) {
    saga.compensationTimeout(name, attemptTimeout);
    return this;
  }

  /**
   * This step's retry policy, instead of the node's default.
   *
   * @param policy every retry value of this step
   * @return this builder
   */
  public StepTemplateBuilder retry(RetryPolicy policy) {
    return retry(RetrySpec.of(policy));
  }

  /**
   * The retry values of this step that differ from the node's default, e.g.
   * {@code RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMillis(10))}: the other values are the node's.
   *
   * @param spec the values given; each value left out is the node's default
   * @return this builder
   */
  public StepTemplateBuilder retry(RetrySpec spec) {
    retry = Objects.requireNonNull(spec, "retry spec");
    return this;
  }

  /**
   * How long one attempt may run before it counts as failed; without it, attempts have no limit.
   *
   * @param attemptTimeout the longest attempt, positive (checked on build)
   * @return this builder
   */
  public StepTemplateBuilder timeout(Duration attemptTimeout) {
    timeout = Optional.of(Objects.requireNonNull(attemptTimeout, "timeout"));
    return this;
  }

  /**
   * Marks the step as completed from outside ({@code stepFinished} / {@code stepFailed}).
   *
   * @return this builder
   */
  public StepTemplateBuilder async() {
    async = true;
    return this;
  }

  /**
   * Ends this step and starts the next one.
   *
   * @param stepName the next step's name, unique within the saga
   * @return the builder of the next step
   */
  public StepTemplateBuilder step(String stepName) {
    return saga.step(stepName);
  }

  /**
   * Declares a saga input; see {@link SagaTemplateBuilder#input(String, String)}.
   *
   * @param inputName the input's name
   * @param type the Java type of its value
   * @return the saga's builder
   */
  public SagaTemplateBuilder input(String inputName, String type) {
    return saga.input(inputName, type);
  }

  /**
   * Adds a compensator for any step; see {@link SagaTemplateBuilder#compensate}.
   *
   * @param stepName the step it undoes
   * @param workerName the worker that runs the compensation
   * @param args fixed args, JSON values; empty for none
   * @param inputNames saga inputs appended to the args, in this order; empty for none
   * @return the saga's builder
   */
  public SagaTemplateBuilder compensate(String stepName, String workerName, List<?> args, List<String> inputNames) {
    return saga.compensate(stepName, workerName, args, inputNames);
  }

  /** {@return the template as built so far; see {@link SagaTemplateBuilder#template()}} */
  public SagaTemplate template() {
    return saga.template();
  }

  /**
   * Ends this step and builds the saga; see {@link SagaTemplateBuilder#build()}.
   *
   * @return the valid template
   * @throws SagaValidationException carrying every problem, when the template is invalid
   */
  public SagaTemplate build() {
    return saga.build();
  }

  StepTemplate toTemplate(String sagaName) {
    return new StepTemplate(name, worker.orElse(StepTemplate.defaultWorker(sagaName, name)),
        dependsOn, inputs, outputType, retry, timeout, async);
  }

  private static <T> T[] requireNoNulls(T[] values, String what) {
    Objects.requireNonNull(values, what + "s");
    for (int i = 0; i < values.length; i++) {
      Objects.requireNonNull(values[i], () -> what + " is null");
    }
    return values;
  }
}
