package io.brokkr.runtime;

/** Where a saga is in its life: {@code CREATED → RUNNING → FINISHED}, or on a failure
 * {@code RUNNING → COMPENSATING → COMPENSATED}, or {@code FAILED} when a compensation could not
 * complete after its retries. */
public enum SagaStatus {
  CREATED, RUNNING, FINISHED, COMPENSATING, COMPENSATED, FAILED;

  /** {@return whether the saga has ended: FINISHED, COMPENSATED or FAILED} */
  public boolean isSettled() {
    return this == FINISHED || this == COMPENSATED || this == FAILED;
  }
}
