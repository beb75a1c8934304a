package io.brokkr.runtime;

/**
 * Where a step is in its life. A compensator waits in {@link #WAITING_FOR_COMPENSATION} until it is
 * needed; then it runs like any other step.
 */
public enum StepStatus {
  CREATED, QUEUED, RUNNING, FINISHED, FAILED, SKIPPED, WAITING_FOR_COMPENSATION, COMPENSATING, COMPENSATED
}
