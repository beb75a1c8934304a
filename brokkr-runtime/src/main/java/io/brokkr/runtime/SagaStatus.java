package io.brokkr.runtime;

/** Where a saga is in its life: {@code CREATED → RUNNING → FINISHED}, or on a failure
 * {@code RUNNING → COMPENSATING → COMPENSATED}, or {@code FAILED} when a compensation could not
 * complete after its retries. */
public enum SagaStatus {
  /** Created, not started: steps and compensators may be added. */
  CREATED,
  /** Started: steps run as their dependencies finish; more steps may be added. */
  RUNNING,
  /** Every step finished (settled). */
  FINISHED,
  /** A step failed: the steps done so far are being undone by their compensators. */
  COMPENSATING,
  /** Every step that had to be undone was undone (settled). */
  COMPENSATED,
  /** A compensator failed for good: some steps may stay done (settled). */
  FAILED;

  /** {@return whether the saga has ended: FINISHED, COMPENSATED or FAILED} */
  public boolean isSettled() {
    return this == FINISHED || this == COMPENSATED || this == FAILED;
  }
}
