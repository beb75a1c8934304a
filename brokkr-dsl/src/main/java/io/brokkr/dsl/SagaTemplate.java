package io.brokkr.dsl;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A saga template: named, ordered steps forming a directed acyclic graph, the saga's inputs and the
 * compensators of its steps. Annotations, the builder DSL ({@link #named(String)}) and YAML all
 * produce this one model.
 *
 * <p>A template may be invalid (the processor and the YAML reader build it first, then report every
 * problem); {@link #validate()} lists the problems, and the builder's {@code build()} refuses an
 * invalid template.
 *
 * @param name the saga's name
 * @param inputs the values a saga started from this template needs, in declaration order
 * @param steps the steps, in declaration order
 * @param compensations the compensators, each naming the step it undoes, kept in the order of their
 *     steps (compensators of unknown steps last), so that equal sagas are equal templates whatever
 *     order their compensators were declared in
 */
public record SagaTemplate(
    String name, List<SagaInput> inputs, List<StepTemplate> steps, List<Compensation> compensations) {

  /**
   * Checks the name; copies the lists, ordering the compensations by their steps.
   *
   * @param name the saga's name
   * @param inputs the saga's inputs, in declaration order; empty for none
   * @param steps the steps, in declaration order
   * @param compensations the compensators in any order; empty for none
   */
  public SagaTemplate {
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    steps = List.copyOf(steps);
    compensations = inStepOrder(steps, compensations);
  }

  /** A stable sort of the compensations by the position of their step. */
  private static List<Compensation> inStepOrder(List<StepTemplate> steps, List<Compensation> compensations) {
    Map<String, Integer> position = new HashMap<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      position.put(steps.get(i).name(), i);
    }
    return compensations.stream()
        .sorted(Comparator.comparingInt(c -> position.getOrDefault(c.step(), Integer.MAX_VALUE)))
        .toList();
  }

  /**
   * Starts the builder DSL for a saga of that name.
   *
   * @param name the saga's name: the name of every saga started from the template
   * @return a builder without inputs or steps
   */
  public static SagaTemplateBuilder named(String name) {
    return new SagaTemplateBuilder(name);
  }

  /** {@return every problem of this template; empty when it is valid} */
  public ValidationReport validate() {
    return SagaValidator.validate(this);
  }

  /**
   * {@return the step of that name, if the template declares one}
   *
   * @param stepName the step's name
   */
  public Optional<StepTemplate> step(String stepName) {
    return steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
  }

  /**
   * {@return the input of that name, if the template declares one}
   *
   * @param inputName the input's name
   */
  public Optional<SagaInput> input(String inputName) {
    return inputs.stream().filter(i -> i.name().equals(inputName)).findFirst();
  }

  /**
   * {@return the compensator of that step, if it has one (the first, in an invalid template with several)}
   *
   * @param stepName the name of the compensated step
   */
  public Optional<Compensation> compensationOf(String stepName) {
    return compensations.stream().filter(c -> c.step().equals(stepName)).findFirst();
  }

  /**
   * The steps grouped by level: level 0 has no dependencies, and every other step sits one level
   * after its deepest dependency. Steps of one level may run in parallel; within a level, steps
   * keep their declaration order.
   *
   * @return the levels, from level 0
   * @throws SagaValidationException when the template is invalid
   */
  public List<List<StepTemplate>> levels() {
    validate().throwIfInvalid(name);
    return StepGraph.of(this).levels();
  }

  /**
   * The steps in a topological order: every step after its dependencies, ties broken by level and
   * then by declaration order, so the same template always gives the same order.
   *
   * @return every step once, in that order
   * @throws SagaValidationException when the template is invalid
   */
  public List<StepTemplate> topologicalOrder() {
    return levels().stream().flatMap(List::stream).toList();
  }
}
