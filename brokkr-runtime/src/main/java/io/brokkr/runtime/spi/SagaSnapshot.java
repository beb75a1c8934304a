package io.brokkr.runtime.spi;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One saga as stored, read in one consistent view.
 *
 * @param sagaId the saga's id
 * @param status where the saga is
 * @param failure the step failure that made it compensate, once one did
 * @param steps every step, compensators included, in the order they were added
 */
public record SagaSnapshot(
    String sagaId, SagaStatus status, Optional<SagaOutcome.Failure> failure, List<StepSnapshot> steps) {

  public SagaSnapshot {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    steps = List.copyOf(steps);
  }

  /** {@return the step of that id, if the saga has one} */
  public Optional<StepSnapshot> step(String stepId) {
    return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
  }
}
