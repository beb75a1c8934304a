package io.brokkr.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a saga's timeline ({@link Saga#getHistory()}): the saga was created, the saga or a
 * step moved, or an operator acted. The store writes it in the same atomic call as the change it
 * records, so the history never tells of a change that did not happen.
 *
 * @param at when, by the store's clock (Redis: the server's time), in milliseconds
 * @param kind what happened
 * @param stepId the step that moved, or that an operator action was about; empty for the saga
 * @param from the status before a move (a {@link SagaStatus} or {@link StepStatus} name); empty for
 *     a creation or an action
 * @param to the status after a move (or the status a saga was created in)
 * @param nodeId the node holding the step's attempt, for a move into or out of RUNNING; empty
 *     otherwise
 * @param attempt the step's attempt number at the move (0 before its first attempt, or for the saga)
 * @param token the fencing token of that attempt, for a move into or out of RUNNING; 0 otherwise
 * @param reason why a step failed or was retried, or why the saga compensates; empty otherwise
 * @param action the operator action, for an entry of kind {@link Kind#ACTION}
 */
public record HistoryEntry(Instant at, Kind kind, Optional<String> stepId, Optional<String> from,
    Optional<String> to, Optional<String> nodeId, int attempt, long token, Optional<String> reason,
    Optional<OperatorAction> action) {

  /** The most entries a saga keeps: past it the oldest are dropped. */
  public static final int LIMIT = 1000;

  /** What an entry records. */
  public enum Kind {
    /** The saga was created. */
    CREATED,
    /** The saga moved from one status to another. */
    SAGA_MOVED,
    /** A step (or compensator) moved from one status to another. */
    STEP_MOVED,
    /** An operator acted ({@link #action()}); the moves it caused follow. */
    ACTION
  }

  /**
   * Checks that no component is null.
   *
   * @param at when
   * @param kind what happened
   * @param stepId the step; empty for the saga
   * @param from the status before a move
   * @param to the status after a move
   * @param nodeId the node holding the step's attempt
   * @param attempt the step's attempt number
   * @param token the fencing token of that attempt
   * @param reason why
   * @param action the operator action
   */
  public HistoryEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(action, "action");
  }
}
