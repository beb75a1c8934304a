package io.brokkr.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The builder DSL of saga templates, read like the hammer example:
 *
 * <pre>{@code
 * SagaTemplate hammer = SagaTemplate.named("Hammer")
 *     .input("headType", "String")
 *     .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
 *         .compensationRetry(new RetryPolicy(5, Duration.ofMillis(200), 2.0, Duration.ofSeconds(10)))
 *     .step("handle").worker("HandleFactory")
 *     .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
 *     .build();
 * }</pre>
 *
 * <p>Null arguments are refused when they are given; everything else is checked by {@link #build()},
 * which reports every problem at once.
 */
public final class SagaTemplateBuilder {
  private final String name;
  private final List<SagaInput> inputs = new ArrayList<>();
  private final List<StepTemplateBuilder> steps = new ArrayList<>();
  private final List<Compensation> compensations = new ArrayList<>();

  SagaTemplateBuilder(String name) {
    this.name = Objects.requireNonNull(name, "saga name");
  }

  /**
   * Declares a saga input of the given Java type, e.g. {@code input("size", "int")}.
   *
   * @param inputName the input's name, by which steps and compensators ask for it
   * @param type the Java type of its value, as the launcher declares it: a primitive, a qualified
   *     name or a {@code java.lang} simple name
   * @return this builder
   */
  public SagaTemplateBuilder input(String inputName, String type) {
    inputs.add(new SagaInput(
        Objects.requireNonNull(inputName, "input name"), Objects.requireNonNull(type, "input type")));
    return this;
  }

  /**
   * Declares a saga input of no particular type ({@link SagaInput#ANY_TYPE}).
   *
   * @param inputName the input's name, by which steps and compensators ask for it
   * @return this builder
   */
  public SagaTemplateBuilder input(String inputName) {
    return input(inputName, SagaInput.ANY_TYPE);
  }

  /**
   * Starts the next step; its worker defaults to {@code <sagaName>.<stepName>}.
   *
   * @param stepName the step's name, unique within the saga; its id in every saga started from the template
   * @return the builder of that step
   */
  public StepTemplateBuilder step(String stepName) {
    StepTemplateBuilder step = new StepTemplateBuilder(this, Objects.requireNonNull(stepName, "step name"));
    steps.add(step);
    return step;
  }

  /**
   * Adds a compensator for a step declared anywhere in this saga.
   *
   * @param stepName the step it undoes
   * @param worker the worker that runs the compensation
   * @param args fixed args, JSON values; empty for none
   * @param inputNames saga inputs appended to the args, in this order; empty for none
   * @return this builder
   */
  public SagaTemplateBuilder compensate(String stepName, String worker, List<?> args, List<String> inputNames) {
    compensations.add(new Compensation(
        Objects.requireNonNull(stepName, "step name"), Objects.requireNonNull(worker, "compensator worker"),
        List.copyOf(args), inputNames));
    return this;
  }

  /**
   * Sets the retry policy of the compensator of {@code stepName}, instead of the node's default.
   *
   * @param stepName the step whose compensator is declared
   * @param policy every retry value of the compensator
   * @return this builder
   * @throws IllegalStateException when no compensator of that step is declared yet
   */
  public SagaTemplateBuilder compensationRetry(String stepName, RetryPolicy policy) {
    return compensationRetry(stepName, RetrySpec.of(policy));
  }

  /**
   * Sets the retry values of the compensator of {@code stepName} that differ from the node's default.
   *
   * @param stepName the step whose compensator is declared
   * @param spec the values given; each value left out is the node's default
   * @return this builder
   * @throws IllegalStateException when no compensator of that step is declared yet
   */
  public SagaTemplateBuilder compensationRetry(String stepName, RetrySpec spec) {
    Objects.requireNonNull(spec, "compensation retry spec");
    return replaceCompensation(stepName, c -> c.withRetry(spec));
  }

  /**
   * Sets how long one attempt of the compensator of {@code stepName} may run before it counts as failed.
   *
   * @param stepName the step whose compensator is declared
   * @param attemptTimeout the longest attempt, positive (checked by {@link #build()})
   * @return this builder
   * @throws IllegalStateException when no compensator of that step is declared yet
   */
  public SagaTemplateBuilder compensationTimeout(String stepName, Duration attemptTimeout) {
    Objects.requireNonNull(attemptTimeout, "compensation timeout");
    return replaceCompensation(stepName, c -> c.withTimeout(attemptTimeout));
  }

  /** Replaces the compensator of the step declared last (a second one is reported by {@link #build()}). */
  private SagaTemplateBuilder replaceCompensation(String stepName, UnaryOperator<Compensation> change) {
    Objects.requireNonNull(stepName, "step name");
    for (int i = compensations.size() - 1; i >= 0; i--) {
      if (compensations.get(i).step().equals(stepName)) {
        compensations.set(i, change.apply(compensations.get(i)));
        return this;
      }
    }
    throw new IllegalStateException("step \"" + stepName + "\" has no compensator yet;"
        + " declare it with compensate or compensateWith first");
  }

  /** {@return the template as built so far, whether valid or not} */
  public SagaTemplate template() {
    return new SagaTemplate(name, inputs, steps.stream().map(s -> s.toTemplate(name)).toList(), compensations);
  }

  /**
   * Validates the template as built so far.
   *
   * @return the valid template
   * @throws SagaValidationException carrying every problem, when the template is invalid
   */
  public SagaTemplate build() {
    SagaTemplate template = template();
    template.validate().throwIfInvalid(name);
    return template;
  }
}
