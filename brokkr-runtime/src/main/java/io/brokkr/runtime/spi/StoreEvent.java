package io.brokkr.runtime.spi;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;

/**
 * What a store publishes to every node of the namespace after a transition, in the order the
 * transitions of one saga were made.
 */
public sealed interface StoreEvent {

  /** The saga the event is about. */
  String sagaId();

  /** A saga moved. */
  record SagaMoved(String sagaId, SagaStatus from, SagaStatus to) implements StoreEvent {}

  /** A step moved. */
  record StepMoved(String sagaId, String stepId, String workerName, StepStatus from, StepStatus to)
      implements StoreEvent {}

  /** A step was pushed to the ready queue of {@code workerName}: nodes hosting it should claim. */
  record WorkReady(String sagaId, String stepId, String workerName) implements StoreEvent {}
}
