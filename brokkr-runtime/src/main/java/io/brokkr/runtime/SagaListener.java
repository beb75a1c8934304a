package io.brokkr.runtime;

/**
 * Sees every saga and step transition this node makes or observes. Called on the node's listener
 * thread, one transition after the other, in the order of each saga's transitions; never on the
 * store's threads. A slow listener delays the other listeners and the outcomes that this node
 * completes after them (a saga's outcome completes once the listeners saw it settle), never a lease
 * or a step; an exception is logged and ignored.
 */
public interface SagaListener {

  /**
   * A saga moved from {@code from} to {@code to}.
   *
   * @param sagaId the saga
   * @param from its status before
   * @param to its status now
   */
  default void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {}

  /**
   * A step moved from {@code from} to {@code to}.
   *
   * @param sagaId the step's saga
   * @param stepId the step (for a saga started from a template, the step's name)
   * @param from its status before
   * @param to its status now
   */
  default void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {}

  /**
   * An operator acted on a saga (cancel, retry, resolve); the transitions the action caused follow.
   *
   * @param sagaId the saga
   * @param action what was done, by whom, and why
   */
  default void onOperatorAction(String sagaId, OperatorAction action) {}
}
