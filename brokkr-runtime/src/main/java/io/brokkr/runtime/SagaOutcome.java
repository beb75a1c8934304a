package io.brokkr.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * How a saga ended.
 *
 * @param sagaId the saga's id
 * @param status FINISHED, COMPENSATED or FAILED
 * @param failure the step failure that made the saga compensate, if it did
 * @param results the results of the steps that finished
 */
public record SagaOutcome(String sagaId, SagaStatus status, Optional<Failure> failure, StepResults results) {

  /**
   * A step failure.
   *
   * @param stepId the step that failed; empty when an operator cancelled the saga ({@link Saga#cancel})
   * @param reason why, as given by the worker, {@code stepFailed} or {@code cancel}
   */
  public record Failure(String stepId, String reason) {
    /**
     * Checks that no component is null.
     *
     * @param stepId the step that failed
     * @param reason why, as given by the worker or {@code stepFailed}
     */
    public Failure {
      Objects.requireNonNull(stepId, "stepId");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Checks that no component is null.
   *
   * @param sagaId the saga's id
   * @param status FINISHED, COMPENSATED or FAILED
   * @param failure the step failure that made the saga compensate; empty when it finished
   * @param results the results of the steps that finished
   */
  public SagaOutcome {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(results, "results");
  }

  /** {@return whether the saga finished every step} */
  public boolean isFinished() {
    return status == SagaStatus.FINISHED;
  }
}
