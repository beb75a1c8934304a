package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node's own report that settles a saga completes the saga's future from the outcome the reply
 * tells, without reading the saga; a settling event heard meanwhile waits for that reply.
 */
class OutcomesReportTest {

  /** A reply that settled saga s, telling results the store itself never had: so a read cannot have produced them. */
  private static Change told(String result) {
    return settling(Optional.of(new Settling("s", Optional.empty(), SagaStatus.FINISHED, Instant.EPOCH,
        Optional.of(new StoreEvent.Settlement(Optional.empty(), Map.of("a", result))))));
  }

  private static Change settling(Optional<Settling> settling) {
    return new Change(true, List.of(), Optional.empty(), List.of(), settling);
  }

  private static Claim startedWithOneStep(SagaStore store) {
    store.createSaga("s");
    store.addStep("s", new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
    store.start("s");
    return store.claimNext("A", "node-1", Instant.now(), Duration.ofSeconds(30)).orElseThrow();
  }

  @Test
  void aReportThatSettlesCompletesTheFutureFromTheOutcomeItTells() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> false, Runnable::run);
      startedWithOneStep(store);
      CompletableFuture<SagaOutcome> outcome = outcomes.of("s");

      outcomes.report("s", () -> told("\"told\""));

      assertTrue(outcome.isDone());
      assertEquals(SagaStatus.FINISHED, outcome.join().status());
      assertEquals("told", outcome.join().results().get("a", String.class), "from the reply, not from a read");
    }
  }

  @Test
  void aCallerBlockedOnTheOutcomeIsAnsweredWithoutWaitingForTheCallbackThread() throws Exception {
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      LinkedBlockingQueue<Runnable> callbackThread = new LinkedBlockingQueue<>(); // runs nothing unless the test does
      Outcomes outcomes = new Outcomes(store, new Json(), callbackThread::add, () -> false, Runnable::run);
      startedWithOneStep(store);
      CompletableFuture<SagaOutcome> mine = outcomes.of("s").copy();
      Future<SagaOutcome> got = caller.submit(() -> mine.get());

      outcomes.report("s", () -> told("\"told\""));

      assertEquals("told", got.get(30, TimeUnit.SECONDS).results().get("a", String.class));
      assertEquals(1, callbackThread.size(), "the callback thread's completion still comes");
      callbackThread.poll().run(); // and finds the outcome complete
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void onANodeWithListenersTheReplyCompletesNothing() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      // Its listeners see a saga's settling before its outcome completes: that stays the event's job.
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> true, Runnable::run);
      startedWithOneStep(store);
      CompletableFuture<SagaOutcome> outcome = outcomes.of("s");

      outcomes.report("s", () -> told("\"told\""));

      assertFalse(outcome.isDone());
    }
  }

  @Test
  void aFutureAskedForAfterTheReportWasSentIsNotCompletedByItsReply() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> false, Runnable::run);
      startedWithOneStep(store);
      CompletableFuture<SagaOutcome> before = outcomes.of("s");
      List<CompletableFuture<SagaOutcome>> asked = new ArrayList<>();

      outcomes.report("s", () -> {
        // While the report is on its way, the saga's future is dropped and asked for again (as
        // after an operator's retry): the reply describes a state older than that question.
        outcomes.forget("s");
        asked.add(outcomes.of("s"));
        return told("\"told\"");
      });

      assertFalse(asked.get(0).isDone(), "the saga still runs in the store; a later event or read completes it");
      assertFalse(before.isDone(), "forgotten before the reply came");
    }
  }

  @Test
  void aSettlingEventHeardDuringTheReportIsReadOnceTheReplyToldNoOutcome() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> false, Runnable::run);
      Claim claim = startedWithOneStep(store);
      CompletableFuture<SagaOutcome> outcome = outcomes.of("s");
      List<Boolean> doneWhenHeard = new ArrayList<>();

      outcomes.report("s", () -> {
        store.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("\"stored\""));
        outcomes.settled("s"); // the event overtakes the reply
        doneWhenHeard.add(outcome.isDone());
        return settling(Optional.empty()); // a reply that tells no outcome (over the store's limit, say)
      });

      assertEquals(List.of(false), doneWhenHeard, "held back while the report was in flight");
      assertTrue(outcome.isDone(), "read once the reply came without an outcome");
      assertEquals("stored", outcome.join().results().get("a", String.class));
    }
  }
}
