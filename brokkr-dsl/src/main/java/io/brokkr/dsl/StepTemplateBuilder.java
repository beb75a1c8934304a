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

  /** The worker that runs this step. */
  public StepTemplateBuilder worker(String workerName) {
    worker = Optional.of(Objects.requireNonNull(workerName, "worker name"));
    return this;
  }

  /** Steps whose results this step receives, in this order. */
  public StepTemplateBuilder dependsOn(String... stepNames) {
    dependsOn.addAll(Arrays.asList(requireNoNulls(stepNames, "dependency")));
    return this;
  }

  /** Saga inputs this step receives as args, in this order. */
  public StepTemplateBuilder inputs(String... inputNames) {
    inputs.addAll(Arrays.asList(requireNoNulls(inputNames, "input")));
    return this;
  }

  /** The Java type of the step's result, for code generation. */
  public StepTemplateBuilder output(String type) {
    outputType = Optional.of(Objects.requireNonNull(type, "output type"));
    return this;
  }

  /** The compensator of this step, with fixed args. */
  public StepTemplateBuilder compensateWith(String workerName, Object... args) {
    saga.compensate(name, workerName, Arrays.asList(requireNoNulls(args, "compensator arg")), List.of());
    return this;
  }

  /**
   * The retry policy of this step's compensator, instead of the node's default.
   *
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
   * @throws IllegalStateException when the step has no compensator yet ({@link #compensateWith})
   */
  public StepTemplateBuilder compensationRetry(RetrySpec spec) {
    saga.compensationRetry(name, spec);
    return this;
  }

  /**
   * How long one attempt of this step's compensator may run before it counts as failed.
   *
   * @throws IllegalStateException when the step has no compensator yet ({@link #compensateWith})
   */
  public StepTemplateBuilder compensationTimeout(Duration attemptTimeout) {
    saga.compensationTimeout(name, attemptTimeout);
    return this;
  }

  /** This step's retry policy, instead of the node's default. */
  public StepTemplateBuilder retry(RetryPolicy policy) {
    return retry(RetrySpec.of(policy));
  }

  /**
   * The retry values of this step that differ from the node's default, e.g.
   * {@code RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMillis(10))}: the other values are the node's.
   */
  public StepTemplateBuilder retry(RetrySpec spec) {
    retry = Objects.requireNonNull(spec, "retry spec");
    return this;
  }

  /** How long one attempt may run before it counts as failed. */
  public StepTemplateBuilder timeout(Duration attemptTimeout) {
    timeout = Optional.of(Objects.requireNonNull(attemptTimeout, "timeout"));
    return this;
  }

  /** Marks the step as completed from outside ({@code stepFinished} / {@code stepFailed}). */
  public StepTemplateBuilder async() {
    async = true;
    return this;
  }

  /** Ends this step and starts the next one. */
  public StepTemplateBuilder step(String stepName) {
    return saga.step(stepName);
  }

  /** Declares a saga input; see {@link SagaTemplateBuilder#input(String, String)}. */
  public SagaTemplateBuilder input(String inputName, String type) {
    return saga.input(inputName, type);
  }

  /** Adds a compensator for any step; see {@link SagaTemplateBuilder#compensate}. */
  public SagaTemplateBuilder compensate(String stepName, String workerName, List<?> args, List<String> inputNames) {
    return saga.compensate(stepName, workerName, args, inputNames);
  }

  /** The template as built so far; see {@link SagaTemplateBuilder#template()}. */
  public SagaTemplate template() {
    return saga.template();
  }

  /** Ends this step and builds the saga; see {@link SagaTemplateBuilder#build()}. */
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
