package io.brokkr.runtime;

/**
 * Where a step is in its life. A compensator waits in {@link #WAITING_FOR_COMPENSATION} until it is
 * needed; then it runs like any other step.
 */
public enum StepStatus {
  /** Added; waits for the saga to start and for its dependencies to finish. */
  CREATED,
  /** Ready for a node of its worker to claim, or waiting out the backoff before its next attempt. */
  QUEUED,
  /** An attempt holds a lease; an async step stays here until it is settled from outside. */
  RUNNING,
  /** Done, with or without a result; its dependents may run. */
  FINISHED,
  /** Its last attempt failed, it was failed from outside, or its compensator failed for good. */
  FAILED,
  /** Never run: the saga compensated before the step was claimed, or a compensator was not needed. */
  SKIPPED,
  /** A compensator until it is needed (the saga compensates and its step must be undone), then QUEUED. */
  WAITING_FOR_COMPENSATION,
  /** A step being undone: its compensator is queued or running. */
  COMPENSATING,
  /** A step that was undone: its compensator finished. */
  COMPENSATED
}
