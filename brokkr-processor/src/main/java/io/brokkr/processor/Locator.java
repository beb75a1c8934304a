package io.brokkr.processor;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Names;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.processor.SourceMethod.Attribute;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the narrowest site of a problem reported by the graph validator: an annotation value, else
 * the annotation, else the element. Most problems are matched exactly, by rebuilding the message the
 * validator would give for each annotation value; the rest by their kind and step.
 */
final class Locator {
  /** Retry attributes, longest first, so that "backoff" is not found inside "backoffMultiplier". */
  private static final List<String> RETRY_ATTRIBUTES =
      List.of("backoffMultiplier", "maxAttempts", "maxBackoff", "backoff");

  private final SourceSaga saga;
  private final Map<Problem, Site> exact = new HashMap<>();
  /** Problems that only repeat another: a default worker name made invalid by the step's or saga's name. */
  private final Set<Problem> consequences = new HashSet<>();

  Locator(SourceSaga saga) {
    this.saga = saga;
    Set<String> stepNames = new HashSet<>();
    saga.steps().forEach(s -> stepNames.add(s.name()));
    Site sagaName = saga.nameValue().orElse(saga.annotation());
    exact.put(Messages.emptySaga(saga.name()), saga.annotation());
    exact.put(Messages.invalidName(Optional.empty(), "saga", saga.name()), sagaName);
    Set<String> seen = new HashSet<>();
    for (SourceStep step : saga.steps()) {
      indexStep(step, stepNames, !seen.add(step.name()));
    }
    for (SourceCompensator compensator : saga.compensators()) {
      String step = compensator.step().value();
      String worker = StepTemplate.defaultWorker(saga.name(), compensator.method().name());
      if (!stepNames.contains(step)) {
        exact.putIfAbsent(Messages.unknownCompensatedStep(worker, step, Names.suggest(step, stepNames)),
            compensator.step().site());
      }
      exact.putIfAbsent(Messages.invalidName(Optional.of(step), "worker", worker), compensator.method().annotation());
      if (!Names.isValid(saga.name())) {
        consequences.add(Messages.invalidName(Optional.of(step), "worker", worker));
      }
    }
  }

  private void indexStep(SourceStep step, Set<String> stepNames, boolean repeated) {
    String name = step.name();
    SourceMethod method = step.method();
    Site nameSite = step.nonEmpty("name").isPresent() ? method.siteOf("name") : method.site();
    if (repeated) {
      exact.putIfAbsent(Messages.duplicateStep(name), nameSite);
    }
    exact.putIfAbsent(Messages.invalidName(Optional.of(name), "step", name), nameSite);
    String worker = step.nonEmpty("worker").orElse(StepTemplate.defaultWorker(saga.name(), name));
    exact.putIfAbsent(Messages.invalidName(Optional.of(name), "worker", worker), method.siteOf("worker"));
    if (step.nonEmpty("worker").isEmpty() && !(Names.isValid(name) && Names.isValid(saga.name()))) {
      consequences.add(Messages.invalidName(Optional.of(name), "worker", worker));
    }
    Set<String> listed = new HashSet<>();
    for (Attribute dependency : step.dependsOn()) {
      String value = dependency.value();
      if (!listed.add(value)) {
        exact.putIfAbsent(Messages.duplicateDependency(name, value), dependency.site());
      } else if (value.equals(name)) {
        exact.putIfAbsent(Messages.selfDependency(name), dependency.site());
      } else if (!stepNames.contains(value)) {
        exact.putIfAbsent(
            Messages.unknownDependency(name, value, Names.suggest(value, stepNames)), dependency.site());
      }
    }
  }

  /** Whether {@code problem} only repeats another one, and is better left out. */
  boolean isConsequence(Problem problem) {
    return consequences.contains(problem);
  }

  /** The narrowest site of {@code problem}. */
  Site locate(Problem problem) {
    Site site = exact.get(problem);
    if (site != null) {
      return site;
    }
    Optional<SourceStep> step = problem.step().flatMap(this::step);
    if (step.isEmpty()) {
      return saga.site();
    }
    SourceMethod method = step.get().method();
    String message = problem.message();
    return switch (problem.kind()) {
      // The cycle's path starts at this step: point at its dependency on the path's next step.
      case CYCLE -> step.get().dependsOn().stream()
          .filter(d -> message.contains(": " + step.get().name() + " -> " + d.value() + " -> "))
          .map(Attribute::site)
          .findFirst()
          .orElse(method.annotation());
      case INVALID_RETRY -> RETRY_ATTRIBUTES.stream()
          .filter(a -> message.contains(": " + a + " "))
          .findFirst()
          .map(method::siteOf)
          .orElse(method.annotation());
      case INVALID_TIMEOUT -> method.siteOf("timeout");
      case DUPLICATE_COMPENSATION -> saga.compensators().stream()
          .filter(c -> c.step().value().equals(step.get().name()))
          .skip(1)
          .map(c -> c.step().site())
          .findFirst()
          .orElse(method.site());
      default -> method.site();
    };
  }

  private Optional<SourceStep> step(String name) {
    return saga.steps().stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
