package io.brokkr.runtime;

import java.util.Objects;

/**
 * Where a step attempt runs: given to workers, and injected into annotated step methods that ask
 * for it.
 *
 * @param sagaId the saga's id
 * @param stepId the step's id (for a saga started from a template, the step's name)
 * @param attempt the attempt number, from 1
 */
public record StepContext(String sagaId, String stepId, int attempt) {

  /**
   * Checks that no id is null.
   *
   * @param sagaId the saga's id
   * @param stepId the step's id
   * @param attempt the attempt number, from 1
   */
  public StepContext {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(stepId, "stepId");
  }

  /**
   * {@return a key for the step's side effects that stays the same across attempts, {@code sagaId:stepId}:
   * pass it to the services the step calls so that a retried attempt does not act twice}
   */
  public String idempotencyKey() {
    return sagaId + ":" + stepId;
  }
}
