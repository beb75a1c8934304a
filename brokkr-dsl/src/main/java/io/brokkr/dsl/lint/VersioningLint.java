package io.brokkr.dsl.lint;

import io.brokkr.dsl.Messages;
import io.brokkr.dsl.Problem;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a saga template with the previous version of the same saga (e.g. the descriptor of the
 * last release) and reports the changes that sagas started from the previous version cannot
 * survive: a removed step ({@code Brokkr/RemovedStep}), a renamed one ({@code Brokkr/RenamedStep}),
 * and a step whose dependencies or their order changed ({@code Brokkr/ChangedDependency}). Added
 * steps are compatible and not reported. Whether the problems are warnings or errors is the
 * caller's choice.
 */
public final class VersioningLint {
  private VersioningLint() {}

  /**
   * Every incompatible change from {@code previous} to {@code current}, in the previous version's
   * step order.
   *
   * @param previous the saga as the previous version described it
   * @param current the saga now, of the same name
   * @return the problems, each a warning or an error as the caller decides; empty when compatible
   */
  public static List<Problem> compare(SagaTemplate previous, SagaTemplate current) {
    Set<String> currentNames = names(current);
    Set<String> previousNames = names(previous);
    List<StepTemplate> added = current.steps().stream()
        .filter(s -> !previousNames.contains(s.name())).collect(Collectors.toCollection(ArrayList::new));
    // A step is taken as renamed when a new step runs its worker; the first such step in
    // declaration order wins, so the pairing is stable.
    Map<String, String> renamed = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (StepTemplate step : previous.steps()) {
      if (currentNames.contains(step.name())) {
        continue;
      }
      Optional<StepTemplate> successor = added.stream().filter(a -> a.worker().equals(step.worker())).findFirst();
      if (successor.isPresent()) {
        added.remove(successor.get());
        renamed.put(step.name(), successor.get().name());
        problems.add(Messages.renamedStep(current.name(), step.name(), successor.get().name(), step.worker()));
      } else {
        problems.add(Messages.removedStep(current.name(), step.name()));
      }
    }
    Map<String, StepTemplate> currentSteps = new HashMap<>();
    current.steps().forEach(s -> currentSteps.putIfAbsent(s.name(), s));
    for (StepTemplate step : previous.steps()) {
      StepTemplate now = currentSteps.get(renamed.getOrDefault(step.name(), step.name()));
      if (now == null) {
        continue;
      }
      // Dependencies are compared under the new names, so a rename is reported once, not again
      // at every step that depends on it.
      List<String> before = step.dependsOn().stream().map(d -> renamed.getOrDefault(d, d)).toList();
      if (!before.equals(now.dependsOn())) {
        problems.add(Messages.changedDependency(current.name(), now.name(), step.dependsOn(), now.dependsOn()));
      }
    }
    return problems;
  }

  private static Set<String> names(SagaTemplate template) {
    return template.steps().stream().map(StepTemplate::name).collect(Collectors.toSet());
  }
}
