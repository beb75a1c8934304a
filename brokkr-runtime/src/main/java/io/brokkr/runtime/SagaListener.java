package io.brokkr.runtime;

/**
 * Sees every saga and step transition this node makes or observes. Called on the thread that made
 * the transition; keep it short and do not throw (an exception is logged and ignored).
 */
public interface SagaListener {

  /** A saga moved from {@code from} to {@code to}. */
  default void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {}

  /** A step moved from {@code from} to {@code to}. */
  default void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {}
}
