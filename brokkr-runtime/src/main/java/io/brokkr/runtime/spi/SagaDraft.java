package io.brokkr.runtime.spi;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A whole saga, to be created and started in one transition ({@link SagaStore#createAndStart}).
 *
 * @param sagaId the new saga's id
 * @param steps its steps, in the order {@link SagaStore#addStep} would add them: each after its
 *     dependencies
 * @param compensators the compensators by the id of the step each compensates, in the order
 *     {@link SagaStore#addCompensator} would add them, after the steps
 * @param name the saga's name (a template's), if it has one
 * @param traceContext the trace context of the code that starts the saga, kept with it and handed
 *     to every claim of its steps ({@link Claim#traceContext()}); empty for none
 */
public record SagaDraft(String sagaId, List<StepSpec> steps, Map<String, StepSpec> compensators,
    Optional<String> name, Map<String, String> traceContext) {
  /** Up to this many dependencies a step's are checked for repeats without a set. */
  private static final int FEW_DEPENDENCIES = 8;

  /**
   * Checks that no component is null; copies the steps and compensators in order.
   *
   * @param sagaId the new saga's id
   * @param steps its steps, each after its dependencies
   * @param compensators the compensators by the id of the step each compensates
   * @param name the saga's name; empty for none
   * @param traceContext the trace context to keep with the saga; empty for none
   */
  public SagaDraft {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(name, "name");
    traceContext = Map.copyOf(traceContext);
    steps = List.copyOf(steps);
    // Copied in order: the order of the compensators is the order they are added.
    compensators = Collections.unmodifiableMap(new LinkedHashMap<>(compensators));
  }

  /**
   * A draft of a saga without a name.
   *
   * @param sagaId the new saga's id
   * @param steps its steps, each after its dependencies
   * @param compensators the compensators by the id of the step each compensates; empty for none
   */
  public SagaDraft(String sagaId, List<StepSpec> steps, Map<String, StepSpec> compensators) {
    this(sagaId, steps, compensators, Optional.empty());
  }

  /**
   * A draft without trace context.
   *
   * @param sagaId the new saga's id
   * @param steps its steps, each after its dependencies
   * @param compensators the compensators by the id of the step each compensates; empty for none
   * @param name the saga's name; empty for none
   */
  public SagaDraft(String sagaId, List<StepSpec> steps, Map<String, StepSpec> compensators, Optional<String> name) {
    this(sagaId, steps, compensators, name, Map.of());
  }

  /**
   * Makes the checks {@code addStep} and {@code addCompensator} would make one after the other on a
   * new saga, without a store.
   *
   * @throws StoreRejectedException as the first of those calls that would be rejected
   */
  public void check() {
    // Step id -> whether it is a compensator.
    Map<String, Boolean> added = new HashMap<>();
    for (StepSpec step : steps) {
      if (added.containsKey(step.stepId())) {
        throw Rejection.DUPLICATE_STEP.of(sagaId, step.stepId());
      }
      List<String> dependencies = step.dependsOn();
      // A set only for a long list: most steps have a few dependencies, which are cheaper compared
      // with those before them than hashed into a set made for each step of every saga.
      Set<String> seen = dependencies.size() > FEW_DEPENDENCIES ? new HashSet<>() : null;
      for (int i = 0; i < dependencies.size(); i++) {
        String dependency = dependencies.get(i);
        if (!added.containsKey(dependency)) {
          throw Rejection.UNKNOWN_DEPENDENCY.of(sagaId, step.stepId(), dependency);
        }
        if (seen != null ? !seen.add(dependency) : listedBefore(dependencies, i)) {
          throw Rejection.DUPLICATE_DEPENDENCY.of(sagaId, step.stepId(), dependency);
        }
      }
      added.put(step.stepId(), false);
    }
    compensators.forEach((stepId, compensator) -> {
      Boolean isCompensator = added.get(stepId);
      if (isCompensator == null) {
        throw Rejection.NO_SUCH_STEP.of(sagaId, stepId);
      }
      if (isCompensator) {
        throw Rejection.COMPENSATOR_OF_COMPENSATOR.of(sagaId, stepId);
      }
      if (added.containsKey(compensator.stepId())) {
        throw Rejection.DUPLICATE_STEP.of(sagaId, compensator.stepId());
      }
      added.put(compensator.stepId(), true);
    });
  }

  /** Whether the {@code i}th dependency is listed before it. */
  private static boolean listedBefore(List<String> dependencies, int i) {
    String dependency = dependencies.get(i);
    for (int j = 0; j < i; j++) {
      if (dependencies.get(j).equals(dependency)) {
        return true;
      }
    }
    return false;
  }
}
