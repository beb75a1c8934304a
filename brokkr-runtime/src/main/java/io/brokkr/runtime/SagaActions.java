package io.brokkr.runtime;

/**
 * What an operator may do to a saga. Each action is one atomic change of the stored saga, recorded
 * in its {@linkplain Saga#getHistory() history} with its author, and seen by every node's
 * {@linkplain SagaListener#onOperatorAction listeners}; repeating an action that took effect
 * changes nothing and returns {@code false}.
 */
public interface SagaActions {

  /**
   * Cancels the saga: a RUNNING saga takes no new step and compensates, as when a step fails for
   * good (steps that may have run are compensated too); its outcome's failure has no step and this
   * reason.
   *
   * @param reason why, recorded as the saga's failure
   * @return {@code true} when this call cancelled it, {@code false} when it was compensating or
   *     settled already
   * @throws IllegalStateException when the saga was never started
   */
  boolean cancel(String reason);

  /**
   * Retries a FAILED saga: each compensator that failed for good runs again, as new attempts (its
   * retry policy counts afresh), and compensation goes on from there: the saga is COMPENSATING,
   * and settles COMPENSATED, or FAILED again if a compensator fails again for good.
   *
   * @return {@code true} when this call retried it, {@code false} when there was nothing to retry:
   *     the saga compensates or has settled otherwise (FINISHED, COMPENSATED)
   * @throws IllegalStateException when the saga is CREATED or RUNNING (nothing failed for good)
   */
  boolean retry();

  /**
   * Settles a step or compensator by hand, its work done outside, and the saga goes on: a QUEUED or
   * RUNNING step (stuck: its worker has no node, or hangs) finishes without a result; a compensator
   * that failed for good in a FAILED saga counts as finished, its step as COMPENSATED, and
   * compensation goes on. Naming the step whose compensator failed resolves that compensator.
   *
   * @param stepId the step or compensator to settle
   * @param note what was done by hand, recorded with the action
   * @return {@code true} when this call settled it, {@code false} when it had settled already
   * @throws IllegalArgumentException when the saga has no such step
   * @throws IllegalStateException when the step can not be resolved now (it waits for its
   *     dependencies, it was skipped, or it failed in a saga that is not FAILED)
   */
  boolean resolve(String stepId, String note);
}
