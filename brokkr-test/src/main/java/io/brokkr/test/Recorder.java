package io.brokkr.test;

import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every step transition of the node, by saga. The node calls it before it completes a
 * saga's outcome, so once the outcome is there, so is every transition of that saga.
 */
final class Recorder implements SagaListener {
  private final Map<String, List<StepTransition>> bySaga = new ConcurrentHashMap<>();

  @Override
  public void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
    List<StepTransition> transitions = bySaga.computeIfAbsent(sagaId, id -> new ArrayList<>());
    synchronized (transitions) {
      transitions.add(new StepTransition(stepId, from, to));
    }
  }

  /** The transitions of {@code sagaId} so far, in the order they happened. */
  List<StepTransition> of(String sagaId) {
    List<StepTransition> transitions = bySaga.getOrDefault(sagaId, List.of());
    synchronized (transitions) {
      return List.copyOf(transitions);
    }
  }
}
