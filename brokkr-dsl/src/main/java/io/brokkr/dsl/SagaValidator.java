package io.brokkr.dsl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one validator of saga templates, used by the builder DSL, the YAML reader, the annotation
 * processor, the Maven plugin and the runtime. It collects every problem instead of stopping at the
 * first, so that one compile shows them all.
 */
public final class SagaValidator {
  private SagaValidator() {}

  /**
   * {@return every problem of {@code template}, in a stable order; an empty report when it is valid}
   *
   * @param template the template to check, valid or not
   */
  public static ValidationReport validate(SagaTemplate template) {
    List<Problem> problems = new ArrayList<>();
    checkSaga(template, problems);
    Set<String> stepNames = new LinkedHashSet<>();
    Set<String> duplicates = new HashSet<>();
    for (StepTemplate step : template.steps()) {
      if (!stepNames.add(step.name()) && duplicates.add(step.name())) {
        problems.add(Messages.duplicateStep(step.name()));
      }
    }
    Set<String> inputNames = new LinkedHashSet<>();
    for (SagaInput input : template.inputs()) {
      inputNames.add(input.name());
    }
    for (StepTemplate step : template.steps()) {
      checkStep(step, stepNames, inputNames, problems);
    }
    checkCompensations(template, stepNames, inputNames, problems);
    for (List<String> cycle : StepGraph.of(template).cycles()) {
      problems.add(Messages.cycle(cycle));
    }
    return new ValidationReport(problems);
  }

  private static void checkSaga(SagaTemplate template, List<Problem> problems) {
    if (!Names.isValid(template.name())) {
      problems.add(Messages.invalidName(Optional.empty(), "saga", template.name()));
    }
    if (template.steps().isEmpty()) {
      problems.add(Messages.emptySaga(template.name()));
    }
    Set<String> seen = new HashSet<>();
    for (SagaInput input : template.inputs()) {
      if (!Names.isValid(input.name())) {
        problems.add(Messages.invalidName(Optional.empty(), "input", input.name()));
      } else if (!seen.add(input.name())) {
        problems.add(Messages.duplicateInput(input.name()));
      }
    }
  }

  private static void checkStep(
      StepTemplate step, Set<String> stepNames, Set<String> inputNames, List<Problem> problems) {
    String name = step.name();
    if (!Names.isValid(name)) {
      problems.add(Messages.invalidName(Optional.of(name), "step", name));
    }
    if (!Names.isValid(step.worker())) {
      problems.add(Messages.invalidName(Optional.of(name), "worker", step.worker()));
    }
    Set<String> listed = new HashSet<>();
    for (String dependency : step.dependsOn()) {
      if (!listed.add(dependency)) {
        problems.add(Messages.duplicateDependency(name, dependency));
      } else if (dependency.equals(name)) {
        problems.add(Messages.selfDependency(name));
      } else if (!stepNames.contains(dependency)) {
        problems.add(Messages.unknownDependency(name, dependency, Names.suggest(dependency, stepNames)));
      }
    }
    checkInputs(name, step.inputs(), inputNames, problems);
    checkPolicy(step.retry(), step.timeout(),
        (attribute, rule, value) -> Messages.invalidRetry(name, attribute, rule, value),
        value -> Messages.invalidTimeout(name, value), problems);
  }

  /** Builds the problem of a retry attribute: the step's or the compensator's. */
  private interface RetryProblem {
    Problem of(String attribute, String rule, String value);
  }

  /** Checks a step's or a compensator's retry policy and timeout alike, naming the owner through the factories. */
  private static void checkPolicy(RetrySpec retry, Optional<Duration> timeout, RetryProblem invalidRetry,
      Function<String, Problem> invalidTimeout, List<Problem> problems) {
    checkRetry(retry, invalidRetry, problems);
    timeout.ifPresent(t -> {
      if (t.isNegative() || t.isZero()) {
        problems.add(invalidTimeout.apply(Durations.format(t)));
      }
    });
  }

  private static void checkInputs(
      String step, List<String> inputs, Set<String> inputNames, List<Problem> problems) {
    for (String input : inputs) {
      if (!inputNames.contains(input)) {
        problems.add(Messages.unknownInput(step, input, Names.suggest(input, inputNames)));
      }
    }
  }

  /** Checks each value given; the node's default fills the others and is checked by the node's builder. */
  private static void checkRetry(RetrySpec retry, RetryProblem problem, List<Problem> problems) {
    retry.maxAttempts().filter(n -> n < 1).ifPresent(n ->
        problems.add(problem.of("maxAttempts", "must be at least 1", String.valueOf(n))));
    retry.backoff().filter(Duration::isNegative).ifPresent(b ->
        problems.add(problem.of("backoff", "must not be negative", Durations.format(b))));
    retry.backoffMultiplier().filter(m -> !(m >= 1.0) || Double.isInfinite(m)).ifPresent(m ->
        problems.add(problem.of("backoffMultiplier", "must be a number of at least 1.0", String.valueOf(m))));
    Duration initial = retry.backoff().orElse(Duration.ZERO);
    retry.maxBackoff().filter(max -> max.compareTo(initial) < 0).ifPresent(max ->
        problems.add(problem.of("maxBackoff", retry.backoff().isPresent()
            ? "must not be shorter than backoff (" + Durations.format(initial) + ")" : "must not be negative",
            Durations.format(max))));
  }

  private static void checkCompensations(
      SagaTemplate template, Set<String> stepNames, Set<String> inputNames, List<Problem> problems) {
    Map<String, List<String>> workersByStep = new LinkedHashMap<>();
    for (Compensation compensation : template.compensations()) {
      String step = compensation.step();
      String worker = compensation.worker();
      checkPolicy(compensation.retry(), compensation.timeout(),
          (attribute, rule, value) -> Messages.invalidCompensatorRetry(step, worker, attribute, rule, value),
          value -> Messages.invalidCompensatorTimeout(step, worker, value), problems);
      if (!stepNames.contains(step)) {
        problems.add(Messages.unknownCompensatedStep(
            compensation.worker(), step, Names.suggest(step, stepNames)));
        continue;
      }
      workersByStep.computeIfAbsent(step, s -> new ArrayList<>()).add(compensation.worker());
      if (!Names.isValid(compensation.worker())) {
        problems.add(Messages.invalidName(Optional.of(step), "worker", compensation.worker()));
      }
      checkInputs(step, compensation.inputs(), inputNames, problems);
    }
    workersByStep.forEach((step, workers) -> {
      if (workers.size() > 1) {
        problems.add(Messages.duplicateCompensation(step, workers));
      }
    });
  }
}
