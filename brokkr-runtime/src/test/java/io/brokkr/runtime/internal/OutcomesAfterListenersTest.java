package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * On a node with listeners, an outcome that a read finds (a future asked for after the saga
 * settled, or the recheck) completes only after the listeners ran for what the node had received:
 * they see every transition before the outcome, as the README promises.
 */
class OutcomesAfterListenersTest {
  /** The listener thread's queue, run by hand. */
  private final Queue<Runnable> listenerQueue = new ArrayDeque<>();

  private static void settle(SagaStore store, String sagaId) {
    store.createSaga(sagaId);
    store.addStep(sagaId, new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
    store.start(sagaId);
    Claim claim = store.claimNext("A", "node-1", Instant.now(), Duration.ofSeconds(30)).orElseThrow();
    store.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("\"done\""));
  }

  /** The outcome is pending until the listener thread's queue has run, and then it is there. */
  private void assertCompletesOnlyAfterTheListeners(CompletableFuture<SagaOutcome> outcome) {
    assertFalse(outcome.isDone(), "not before the listeners ran");
    Runnable task;
    while ((task = listenerQueue.poll()) != null) {
      task.run();
    }
    assertTrue(outcome.isDone());
    assertEquals(SagaStatus.FINISHED, outcome.join().status());
  }

  @Test
  void aSettledSagaAskedForWaitsForTheListeners() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> true, listenerQueue::add);
      settle(store, "s");

      assertCompletesOnlyAfterTheListeners(outcomes.of("s"));
    }
  }

  @Test
  void theRecheckWaitsForTheListenersToo() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> true, listenerQueue::add);
      CompletableFuture<SagaOutcome> outcome = outcomes.expect("s");
      settle(store, "s");

      outcomes.recheck();
      outcomes.recheck();
      assertCompletesOnlyAfterTheListeners(outcome);
    }
  }

  @Test
  void theEventAfterTheListenersCompletesAtOnceAndANodeWithoutListenersWaitsForNothing() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      Outcomes listened = new Outcomes(store, new Json(), Runnable::run, () -> true, listenerQueue::add);
      CompletableFuture<SagaOutcome> afterEvent = listened.expect("s");
      settle(store, "s");
      listened.settled("s"); // as the listener thread calls it, after the listeners
      assertTrue(afterEvent.isDone());

      Outcomes alone = new Outcomes(store, new Json(), Runnable::run, () -> false, listenerQueue::add);
      assertTrue(alone.of("s").isDone());
      assertTrue(listenerQueue.isEmpty());
    }
  }
}
