package io.brokkr.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The builder DSL of saga templates, read like the hammer example:
 *
 * <pre>{@code
 * SagaTemplate hammer = SagaTemplate.named("Hammer")
 *     .input("headType", "String")
 *     .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
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

  /** Declares a saga input of the given Java type, e.g. {@code input("size", "int")}. */
  public SagaTemplateBuilder input(String inputName, String type) {
    inputs.add(new SagaInput(
        Objects.requireNonNull(inputName, "input name"), Objects.requireNonNull(type, "input type")));
    return this;
  }

  /** Declares a saga input of no particular type. */
  public SagaTemplateBuilder input(String inputName) {
    return input(inputName, SagaInput.ANY_TYPE);
  }

  /** Starts the next step; its worker defaults to {@code <sagaName>.<stepName>}. */
  public StepTemplateBuilder step(String stepName) {
    StepTemplateBuilder step = new StepTemplateBuilder(this, Objects.requireNonNull(stepName, "step name"));
    steps.add(step);
    return step;
  }

  /** Adds a compensator for a step declared anywhere in this saga. */
  public SagaTemplateBuilder compensate(String stepName, String worker, List<?> args, List<String> inputNames) {
    compensations.add(new Compensation(
        Objects.requireNonNull(stepName, "step name"), Objects.requireNonNull(worker, "compensator worker"),
        List.copyOf(args), inputNames));
    return this;
  }

  /** The template as built so far, whether valid or not. */
  public SagaTemplate template() {
    return new SagaTemplate(name, inputs, steps.stream().map(s -> s.toTemplate(name)).toList(), compensations);
  }

  /**
   * The validated template.
   *
   * @throws SagaValidationException carrying every problem, when the template is invalid
   */
  public SagaTemplate build() {
    SagaTemplate template = template();
    template.validate().throwIfInvalid(name);
    return template;
  }
}
