package io.brokkr.runtime;

/** Completes a {@link SagaHandle#result()} when the saga did not finish (it compensated or failed). */
public final class SagaFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How the saga ended; not serialized. */
  private final transient SagaOutcome outcome;

  /**
   * An exception whose message names the saga, how it ended and the step failure, if any.
   *
   * @param outcome how the saga ended: COMPENSATED or FAILED
   */
  public SagaFailedException(SagaOutcome outcome) {
    super("saga " + outcome.sagaId() + " ended " + outcome.status()
        + outcome.failure().map(f -> f.stepId().isEmpty() ? ": cancelled: " + f.reason()
            : ": step \"" + f.stepId() + "\" failed: " + f.reason()).orElse(""));
    this.outcome = outcome;
  }

  /** {@return how the saga ended} */
  public SagaOutcome outcome() {
    return outcome;
  }
}
