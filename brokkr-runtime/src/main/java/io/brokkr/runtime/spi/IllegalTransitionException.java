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

  /** The saga whose transition was refused. */
  private final String sagaId;
  /** The step whose transition was refused; empty for the saga's own. */
  private final String stepId;
  /** The status before. */
  private final String from;
  /** The status asked for. */
  private final String to;

  /**
   * A transition of saga {@code sagaId}, or of its step {@code stepId} when present.
   *
   * @param sagaId the saga
   * @param stepId the step whose transition it was; empty for a transition of the saga
   * @param from the status before, a {@link io.brokkr.runtime.SagaStatus} or
   *     {@link io.brokkr.runtime.StepStatus} name
   * @param to the status asked for
   */
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
