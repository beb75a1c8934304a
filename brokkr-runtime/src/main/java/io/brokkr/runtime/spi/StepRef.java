package io.brokkr.runtime.spi;

import java.util.Objects;

/**
 * Names one step of one saga.
 *
 * @param sagaId the saga's id
 * @param stepId the step's id within the saga
 */
public record StepRef(String sagaId, String stepId) {

  /**
   * Checks that both ids are present.
   *
   * @param sagaId the saga's id
   * @param stepId the step's id within the saga
   */
  public StepRef {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(stepId, "stepId");
  }

  /** {@return the idempotency key of the step's side effects: the same for every attempt} */
  public String idempotencyKey() {
    return sagaId + ":" + stepId;
  }

  @Override
  public String toString() {
    return idempotencyKey();
  }
}
