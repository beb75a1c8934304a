package io.brokkr.runtime.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A store was asked for a transition that {@link SagaTransition} or {@link StepTransition} does not
 * allow. It means a bug in a store, never bad input: bad input is rejected earlier with a
 * {@link StoreRejectedException}.
 */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String sagaId;
  private final String stepId;
  private final String from;
  private final String to;

  /** A transition of saga {@code sagaId}, or of its step {@code stepId} when present. */
  public IllegalTransitionException(String sagaId, Optional<String> stepId, String from, String to) {
    super(stepId.map(s -> "step \"" + s + "\" of saga " + sagaId).orElse("saga " + sagaId)
        + " cannot move from " + from + " to " + to);
    this.sagaId = Objects.requireNonNull(sagaId, "sagaId");
    this.stepId = stepId.orElse("");
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
  }

  /** {@return the saga} */
  public String sagaId() {
    return sagaId;
  }

  /** {@return the step, when the transition was a step's} */
  public Optional<String> stepId() {
    return stepId.isEmpty() ? Optional.empty() : Optional.of(stepId);
  }

  /** {@return the status before} */
  public String from() {
    return from;
  }

  /** {@return the status asked for} */
  public String to() {
    return to;
  }
}
