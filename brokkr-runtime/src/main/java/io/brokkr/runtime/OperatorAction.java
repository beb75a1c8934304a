package io.brokkr.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * What an operator did to a saga: {@link Saga#cancel}, {@link Saga#retry} or {@link Saga#resolve}.
 * Recorded in the saga's {@linkplain Saga#getHistory() history} and seen by every node's
 * {@link SagaListener#onOperatorAction listeners}.
 *
 * @param kind what was done
 * @param stepId the step it was done to (a resolve); empty for the saga as a whole
 * @param author who did it ({@link Saga#actingAs}; by default the user running the JVM)
 * @param note why: a cancel's reason, a resolve's note; empty text for a retry
 */
public record OperatorAction(Kind kind, Optional<String> stepId, String author, String note) {

  /** The operator actions. */
  public enum Kind {
    /** A running saga was cancelled: it compensates. */
    CANCEL,
    /** A FAILED saga's failed compensators run again, as new attempts. */
    RETRY,
    /** A failed or stuck step or compensator was settled by hand. */
    RESOLVE
  }

  /**
   * Checks that no component is null.
   *
   * @param kind what was done
   * @param stepId the step it was done to; empty for the saga as a whole
   * @param author who did it
   * @param note why
   */
  public OperatorAction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(note, "note");
  }
}
