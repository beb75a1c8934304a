package io.brokkr.test;

import io.brokkr.runtime.StepStatus;
import java.util.Objects;

/**
 * One transition of one step of a saga, as the node's listener saw it.
 *
 * @param stepId the step (for a saga started from a template, the step's name; a compensator is
 *     {@code <step>/compensator})
 * @param from its status before
 * @param to its status after
 */
public record StepTransition(String stepId, StepStatus from, StepStatus to) {
  /**
   * Checks that no component is null.
   *
   * @param stepId the step
   * @param from its status before
   * @param to its status after
   */
  public StepTransition {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String toString() {
    return stepId + ": " + from + " -> " + to;
  }
}
