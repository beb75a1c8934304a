package io.brokkr.runtime.spi;

import io.brokkr.runtime.StepStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step as stored.
 *
 * @param sagaId the saga's id
 * @param spec what the step is
 * @param compensates for a compensator, the step it compensates
 * @param compensator for a step with a compensator, the compensator's id
 * @param status where the step is
 * @param attempt attempts made so far (the current one included)
 * @param lease the lock of the current attempt, while the step is RUNNING
 * @param retryAt while QUEUED after a failed attempt: when the backoff ends and it may be claimed
 * @param resultJson the result, once finished with one
 * @param failureReason why it failed, once it did
 * @param failureDetail what the failed attempt left with the reason (its stack trace), once one did
 * @param possiblyDone for a step: an attempt of it ended with its outcome unknown (it timed out, lost
 *     its lease, or was handed back by a closing node mid-body) and no attempt finished it since, so
 *     the saga compensates it if it compensates; for a compensator: the step it compensates was
 *     possibly done when it was queued, so it runs without knowing that step's result
 */
public record StepSnapshot(
    String sagaId,
    StepSpec spec,
    Optional<String> compensates,
    Optional<String> compensator,
    StepStatus status,
    int attempt,
    Optional<Lease> lease,
    Optional<Instant> retryAt,
    Optional<String> resultJson,
    Optional<String> failureReason,
    Optional<String> failureDetail,
    boolean possiblyDone) {

  /**
   * Checks that no component is null.
   *
   * @param sagaId the saga's id
   * @param spec what the step is
   * @param compensates for a compensator, the step it compensates; empty for a step
   * @param compensator the compensator's id; empty for a step without one, and for a compensator
   * @param status where the step is
   * @param attempt attempts made so far, the current one included; 0 before the first claim
   * @param lease the lock of the current attempt; empty unless RUNNING
   * @param retryAt when the backoff after a failed attempt ends; empty unless waiting for one
   * @param resultJson the result; empty until finished, and for a step without result
   * @param failureReason why it failed; empty unless it did
   * @param failureDetail the failed attempt's stack trace; empty unless one failed and left one
   * @param possiblyDone whether an attempt ended with its outcome unknown (see the class comment)
   */
  public StepSnapshot {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(compensates, "compensates");
    Objects.requireNonNull(compensator, "compensator");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(retryAt, "retryAt");
    Objects.requireNonNull(resultJson, "resultJson");
    Objects.requireNonNull(failureReason, "failureReason");
    Objects.requireNonNull(failureDetail, "failureDetail");
  }

  /** {@return the step's id} */
  public String stepId() {
    return spec.stepId();
  }

  /** {@return this step's reference} */
  public StepRef ref() {
    return new StepRef(sagaId, spec.stepId());
  }

  /** {@return whether this step is the compensator of another} */
  public boolean isCompensator() {
    return compensates.isPresent();
  }
}
