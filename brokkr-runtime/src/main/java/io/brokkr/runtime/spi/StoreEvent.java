package io.brokkr.runtime.spi;

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
   * @param settlement what the saga's outcome needs, when the store sends it with the move to a
   *     settled status; empty: read the saga
   */
  record SagaMoved(String sagaId, SagaStatus from, SagaStatus to, Optional<Settlement> settlement)
      implements StoreEvent {

    public SagaMoved {
      Objects.requireNonNull(settlement, "settlement");
    }

    /** A move that carries no settlement. */
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
    public Settlement {
      Objects.requireNonNull(failure, "failure");
      results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }
  }

  /** A step moved. */
  record StepMoved(String sagaId, String stepId, String workerName, StepStatus from, StepStatus to)
      implements StoreEvent {}

  /** A step was pushed to the ready queue of {@code workerName}: nodes hosting it should claim. */
  record WorkReady(String sagaId, String stepId, String workerName) implements StoreEvent {}
}
