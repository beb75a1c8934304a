package io.brokkr.runtime.internal;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StoreEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The futures of the sagas this node was asked about, completed when the store announces that a
 * saga settled, whichever node settled it.
 */
final class Outcomes {
  private final SagaStore store;
  private final Json json;
  private final Map<String, CompletableFuture<SagaOutcome>> pending = new ConcurrentHashMap<>();
  /** Only the recheck timer's thread reads and writes it. */
  private Set<String> waitingSinceLastCheck = Set.of();

  Outcomes(SagaStore store, Json json) {
    this.store = store;
    this.json = json;
  }

  /** The future of a saga's outcome; completed already when the saga has settled. */
  CompletableFuture<SagaOutcome> of(String sagaId) {
    CompletableFuture<SagaOutcome> future = pending.computeIfAbsent(sagaId, id -> new CompletableFuture<>());
    // Registered first, read second: a saga settling in between completes the future either way.
    settled(sagaId);
    return future;
  }

  /**
   * The future of a saga this node is about to start, which cannot have settled yet: nothing is
   * read; the event of its settling completes it.
   */
  CompletableFuture<SagaOutcome> expect(String sagaId) {
    return pending.computeIfAbsent(sagaId, id -> new CompletableFuture<>());
  }

  /** Drops the future of a saga that was not started after all. */
  void forget(String sagaId) {
    pending.remove(sagaId);
  }

  /** Completes the saga's future if it settled. */
  void settled(String sagaId) {
    if (!pending.containsKey(sagaId)) {
      return;
    }
    store.load(sagaId).filter(s -> s.status().isSettled()).ifPresent(saga -> {
      CompletableFuture<SagaOutcome> future = pending.remove(sagaId);
      if (future != null) {
        future.complete(outcome(saga));
      }
    });
  }

  /**
   * Completes the saga's future from what its settling event carried, without reading the saga;
   * reads it when the event carried nothing.
   */
  void settled(StoreEvent.SagaMoved moved) {
    if (moved.settlement().isEmpty()) {
      settled(moved.sagaId());
      return;
    }
    CompletableFuture<SagaOutcome> future = pending.remove(moved.sagaId());
    if (future != null) {
      StoreEvent.Settlement settlement = moved.settlement().get();
      future.complete(new SagaOutcome(moved.sagaId(), moved.to(), settlement.failure(),
          new Results(moved.sagaId(), settlement.results(), json)));
    }
  }

  /**
   * The safety net behind the settling events, off the hot path: a saga whose future was already
   * pending at the previous check is read, so that an event lost on the way (a broken pub/sub
   * subscription) delays its outcome by one or two periods instead of forever. Called by one timer.
   */
  void recheck() {
    Set<String> waitingNow = Set.copyOf(pending.keySet());
    for (String sagaId : waitingSinceLastCheck) {
      if (waitingNow.contains(sagaId)) {
        settled(sagaId);
      }
    }
    waitingSinceLastCheck = waitingNow;
  }

  /** Fails the futures nobody will complete: the node is closing. */
  void abandon(String nodeId) {
    pending.forEach((sagaId, future) -> future.completeExceptionally(new IllegalStateException(
        "Brokkr node " + nodeId + " closed before saga " + sagaId + " settled")));
    pending.clear();
  }

  private SagaOutcome outcome(SagaSnapshot saga) {
    Map<String, String> results = new LinkedHashMap<>();
    for (StepSnapshot step : saga.steps()) {
      if (!step.isCompensator()) {
        step.resultJson().ifPresent(r -> results.put(step.stepId(), r));
      }
    }
    return new SagaOutcome(saga.sagaId(), saga.status(), saga.failure(), new Results(saga.sagaId(), results, json));
  }
}
