package io.brokkr.runtime.contract;

import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.ArrayList;
import java.util.List;

/** A listener that records every transition, in the order it saw them. */
public final class Recorder implements SagaListener {

  /** One transition; {@code stepId} is empty for a saga's own. */
  public record Transition(String sagaId, String stepId, String from, String to) {
    @Override
    public String toString() {
      return (stepId.isEmpty() ? "saga" : stepId) + " " + from + "->" + to;
    }
  }

  private final List<Transition> transitions = new ArrayList<>();

  @Override
  public synchronized void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
    transitions.add(new Transition(sagaId, "", from.name(), to.name()));
  }

  @Override
  public synchronized void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
    transitions.add(new Transition(sagaId, stepId, from.name(), to.name()));
  }

  /** Every transition of the saga and its steps, as {@code "<step or saga> FROM->TO"}. */
  public synchronized List<String> of(String sagaId) {
    return transitions.stream().filter(t -> t.sagaId().equals(sagaId)).map(Transition::toString).toList();
  }

  /** The transitions of one step, as {@code "FROM->TO"}. */
  public synchronized List<String> ofStep(String sagaId, String stepId) {
    return transitions.stream()
        .filter(t -> t.sagaId().equals(sagaId) && t.stepId().equals(stepId))
        .map(t -> t.from() + "->" + t.to())
        .toList();
  }

  /** Everything recorded so far. */
  public synchronized List<Transition> all() {
    return List.copyOf(transitions);
  }
}
