package io.brokkr.samples.hammer;

import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.io.PrintStream;

/** A listener that prints every transition of the saga and its steps. */
final class Narrator implements SagaListener {
  private final PrintStream out;

  Narrator(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
    out.println("  saga: " + from + " -> " + to);
  }

  @Override
  public void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
    out.println("  " + stepId + ": " + from + " -> " + to);
  }
}
