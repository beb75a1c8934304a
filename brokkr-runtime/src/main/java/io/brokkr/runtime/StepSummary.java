package io.brokkr.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A step as a saga's graph shows it ({@link Saga#getStepSummaries()}): everything but its args and
 * results, which {@link SagaStep} reads one step at a time.
 *
 * @param stepId the step's id
 * @param workerName the worker that runs it
 * @param status where the step is
 * @param dependsOn the steps it waits for, in declaration order; empty for a compensator
 * @param compensates for a compensator, the step it undoes; empty for a step of the graph
 * @param compensator the step's compensator, if it has one
 * @param attempt the number of its current or last attempt; 0 before its first
 * @param failureReason why its last attempt failed, if one did
 * @param failureDetail the stack trace of that attempt's exception with its causes, if it threw one:
 *     at most 8,000 characters (and the store's payload limit), frames cut where it is longer; empty
 *     for a failure without one (a timeout, a lost lease, a failure reported from outside). A step
 *     whose compensator failed shows the compensator's.
 * @param possiblyDone true when the outcome of its last attempt is unknown (it timed out, lost its
 *     lease or its node): its compensator runs if the saga compensates
 * @param node the node that holds the lease of its running attempt; empty when no attempt runs
 * @param leaseUntil when that lease ends unless renewed; empty when no attempt runs
 */
public record StepSummary(String stepId, String workerName, StepStatus status, List<String> dependsOn,
    Optional<String> compensates, Optional<String> compensator, int attempt, Optional<String> failureReason,
    Optional<String> failureDetail, boolean possiblyDone, Optional<String> node, Optional<Instant> leaseUntil) {

  /**
   * Checks that no component is null; copies the dependencies.
   *
   * @param stepId the step's id
   * @param workerName the worker that runs it
   * @param status where the step is
   * @param dependsOn the steps it waits for
   * @param compensates the step a compensator undoes
   * @param compensator the step's compensator
   * @param attempt the number of its current or last attempt
   * @param failureReason why its last attempt failed
   * @param failureDetail the stack trace of its last failed attempt
   * @param possiblyDone whether the outcome of its last attempt is unknown
   * @param node the node running it
   * @param leaseUntil when that node's lease ends
   */
  public StepSummary {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(workerName, "workerName");
    Objects.requireNonNull(status, "status");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(compensates, "compensates");
    Objects.requireNonNull(compensator, "compensator");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(failureDetail, "failureDetail");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
  }
}
