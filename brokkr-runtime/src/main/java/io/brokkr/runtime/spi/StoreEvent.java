package io.brokkr.runtime.spi;

import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a store publishes to every node of the namespace after a transition, in the order the
 * transitions of one saga were made.
 */
public sealed interface StoreEvent {

  /** {@return the saga the event is about} */
  String sagaId();

  /**
   * A saga moved.
   *
   * @param sagaId the saga
   * @param from its status before
   * @param to its status now
   * @param settlement what the saga's outcome needs, when the store sends it with the move to a
   *     settled status; empty: read the saga
   */
  record SagaMoved(String sagaId, SagaStatus from, SagaStatus to, Optional<Settlement> settlement)
      implements StoreEvent {

    /**
     * Checks that the settlement is not null.
     *
     * @param sagaId the saga
     * @param from its status before
     * @param to its status now
     * @param settlement the outcome, sent with a move to a settled status; empty: read the saga
     */
    public SagaMoved {
      Objects.requireNonNull(settlement, "settlement");
    }

    /**
     * A move that carries no settlement.
     *
     * @param sagaId the saga
     * @param from its status before
     * @param to its status now
     */
    public SagaMoved(String sagaId, SagaStatus from, SagaStatus to) {
      this(sagaId, from, to, Optional.empty());
    }
  }

  /**
   * A settled saga's outcome as its settling event carries it.
   *
   * @param failure the step failure that made the saga compensate, if it did
   * @param results the result JSON of each step (compensators excluded) that has one, in the order
   *     the steps were added
   */
  record Settlement(Optional<SagaOutcome.Failure> failure, Map<String, String> results) {
    /**
     * Checks that the failure is not null; copies the results in order.
     *
     * @param failure the step failure that made the saga compensate; empty if it did not
     * @param results the result JSON of each step that has one, by step id
     */
    public Settlement {
      Objects.requireNonNull(failure, "failure");
      results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
  }

  /**
   * A step moved.
   *
   * @param sagaId the step's saga
   * @param stepId the step
   * @param workerName the worker that runs it
   * @param from its status before
   * @param to its status now
   */
  record StepMoved(String sagaId, String stepId, String workerName, StepStatus from, StepStatus to)
      implements StoreEvent {}

  /**
   * A step was pushed to the ready queue of {@code workerName}: nodes hosting it should claim. A
   * hint, not a transition: a store may also send it for a step found waiting in its queue, before
   * or after the events of the move that queued it.
   *
   * @param sagaId the step's saga
   * @param stepId the step
   * @param workerName the worker whose queue holds it
   */
  record WorkReady(String sagaId, String stepId, String workerName) implements StoreEvent {}

  /**
   * An operator acted on the saga; the moves the action caused follow it.
   *
   * @param sagaId the saga
   * @param action what was done, by whom, and why
   */
  record Acted(String sagaId, OperatorAction action) implements StoreEvent {}
}
