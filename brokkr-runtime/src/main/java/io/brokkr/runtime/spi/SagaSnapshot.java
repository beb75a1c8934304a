package io.brokkr.runtime.spi;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import java.time.Instant;
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
 * @param name the saga's name, if it was given one
 * @param createdAt when the store created it (the store's time: the creating node's clock in memory,
 *     the server's on Redis)
 * @param updatedAt when it last changed (an event was published for it)
 */
public record SagaSnapshot(
    String sagaId, SagaStatus status, Optional<SagaOutcome.Failure> failure, List<StepSnapshot> steps,
    Optional<String> name, Instant createdAt, Instant updatedAt) {

  /**
   * Checks that no component is null; copies the steps.
   *
   * @param sagaId the saga's id
   * @param status where the saga is
   * @param failure the step failure that made it compensate; empty unless one did
   * @param steps every step, compensators included, in the order they were added
   * @param name the saga's name; empty when it has none
   * @param createdAt when the store created it
   * @param updatedAt when it last changed
   */
  public SagaSnapshot {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    steps = List.copyOf(steps);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** {@return the saga as a list shows it, without its steps} */
  public SagaSummary summary() {
    return new SagaSummary(sagaId, name, status, createdAt, updatedAt);
  }

  /**
   * {@return the step of that id, if the saga has one}
   *
   * @param stepId the id of a step or compensator
   */
  public Optional<StepSnapshot> step(String stepId) {
    return steps.stream().filter(s -> s.stepId().equals(stepId)).findFirst();
  }
}
