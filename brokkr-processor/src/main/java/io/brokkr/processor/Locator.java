package io.brokkr.processor;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Names;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.ProblemKind;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.processor.SourceMethod.Attribute;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the narrowest site of a problem reported by the graph validator: an annotation value, else
 * the annotation, else the element. A problem names its step and, where there is one, its subject
 * (the dependency, attribute or name at fault); the locator finds the value that wrote it.
 */
final class Locator {
  private final SourceSaga saga;

  Locator(SourceSaga saga) {
    this.saga = saga;
  }

  /**
   * Whether {@code problem} only repeats another one and is better left out: a worker name that is
   * invalid only because the default, {@code <saga>.<step>}, is built from an invalid name.
   */
  boolean isConsequence(Problem problem) {
    if (problem.kind() != ProblemKind.INVALID_NAME || problem.step().isEmpty() || problem.subject().isEmpty()) {
      return false;
    }
    String name = problem.subject().get();
    boolean invalidSaga = !Names.isValid(saga.name());
    return saga.steps().stream().anyMatch(s -> s.nonEmpty("worker").isEmpty()
            && name.equals(StepTemplate.defaultWorker(saga.name(), s.name()))
            && (invalidSaga || !Names.isValid(s.name())))
        || (invalidSaga && saga.compensators().stream()
            .anyMatch(c -> name.equals(Workers.of(saga, c))));
  }

  /** The narrowest site of {@code problem}. */
  Site locate(Problem problem) {
    String subject = problem.subject().orElse("");
    Optional<SourceStep> step = problem.step().flatMap(name -> steps(name).findFirst());
    return switch (problem.kind()) {
      case EMPTY_SAGA -> saga.annotation();
      case INVALID_NAME -> invalidName(step, subject);
      case DUPLICATE_STEP -> steps(problem.step().orElseThrow()).skip(1).findFirst().map(SourceStep::nameSite)
          .orElse(saga.site());
      case UNKNOWN_DEPENDENCY, SELF_DEPENDENCY -> dependency(step, subject, 0);
      case DUPLICATE_DEPENDENCY -> dependency(step, subject, 1);
      case CYCLE -> cycle(step, problem.message());
      case UNKNOWN_COMPENSATED_STEP -> compensators(problem.step().orElseThrow())
          .filter(c -> problem.message().contains("\"" + Workers.of(saga, c) + "\""))
          .map(c -> c.step().site()).findFirst().orElse(saga.site());
      case DUPLICATE_COMPENSATION -> compensators(problem.step().orElseThrow()).skip(1)
          .map(c -> c.step().site()).findFirst().orElse(saga.site());
      case INVALID_RETRY, INVALID_TIMEOUT -> subject.startsWith(Messages.COMPENSATOR_SUBJECT)
          ? compensatorValue(problem, subject.substring(Messages.COMPENSATOR_SUBJECT.length()))
          : step.map(s -> s.method().siteOf(subject)).orElse(saga.site());
      default -> step.map(s -> s.method().site()).orElse(saga.site());
    };
  }

  /** The value of a compensator's retry or timeout attribute: the problem names the compensator's worker. */
  private Site compensatorValue(Problem problem, String attribute) {
    return problem.step().stream().flatMap(this::compensators)
        .filter(c -> problem.message().startsWith("compensator \"" + Workers.of(saga, c) + "\""))
        .map(c -> c.method().siteOf(attribute)).findFirst().orElse(saga.site());
  }

  private Site invalidName(Optional<SourceStep> step, String name) {
    if (step.isPresent()) {
      if (step.get().name().equals(name)) {
        return step.get().nameSite();
      }
      if (step.get().nonEmpty("worker").isPresent()) {
        return step.get().method().siteOf("worker");
      }
      // A compensator's worker: the problem names the compensated step.
      return compensators(step.get().name()).filter(c -> Workers.of(saga, c).equals(name))
          .map(c -> c.method().annotation()).findFirst().orElse(step.get().method().annotation());
    }
    if (name.equals(saga.name())) {
      return saga.nameValue().orElse(saga.annotation());
    }
    // An input: the first parameter that declares it.
    return methods().flatMap(m -> m.parameters().stream()).filter(p -> p.name().equals(name))
        .map(SourceParameter::site).findFirst().orElse(saga.site());
  }

  /** The {@code occurrence}-th (from 0) entry of the step's dependsOn that names {@code dependency}. */
  private Site dependency(Optional<SourceStep> step, String dependency, int occurrence) {
    return step.flatMap(s -> s.dependsOn().stream().filter(d -> d.value().equals(dependency)).skip(occurrence)
            .map(Attribute::site).findFirst())
        .or(() -> step.map(s -> s.method().annotation()))
        .orElse(saga.site());
  }

  /** A cycle's path starts at this step: its dependency on the path's next step is at fault. */
  private Site cycle(Optional<SourceStep> step, String message) {
    return step.flatMap(s -> s.dependsOn().stream()
            .filter(d -> message.contains(": " + s.name() + " -> " + d.value() + " -> "))
            .map(Attribute::site).findFirst()
            .or(() -> Optional.of(s.method().annotation())))
        .orElse(saga.site());
  }

  private Stream<SourceStep> steps(String name) {
    return saga.steps().stream().filter(s -> s.name().equals(name));
  }

  private Stream<SourceCompensator> compensators(String step) {
    return saga.compensators().stream().filter(c -> c.step().value().equals(step));
  }

  private Stream<SourceMethod> methods() {
    return Stream.concat(saga.steps().stream().map(SourceStep::method),
        saga.compensators().stream().map(SourceCompensator::method));
  }
}
