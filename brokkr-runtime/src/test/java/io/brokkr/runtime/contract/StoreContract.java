package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The store operations themselves: atomicity, fencing, what they report, what they publish. */
public interface StoreContract extends ContractFixture {
  Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  Duration LEASE = Duration.ofSeconds(30);
  RetryPolicy TWO_ATTEMPTS = new RetryPolicy(2, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));

  private static StepSpec spec(String id, String worker, String... dependsOn) {
    return new StepSpec(id, worker, List.of(dependsOn), "[\"" + id + "\"]", TWO_ATTEMPTS, Optional.of(Duration.ofSeconds(5)));
  }

  /** A store holding saga "s" with {@code steps}, started. */
  private SagaStore started(StepSpec... steps) {
    SagaStore store = store();
    store.createSaga("s");
    for (StepSpec step : steps) {
      store.addStep("s", step);
    }
    store.start("s");
    return store;
  }

  private static Claim claim(SagaStore store, String worker) {
    return store.claimNext(worker, "node-1", T0, LEASE).orElseThrow(() -> new AssertionError("nothing to claim for " + worker));
  }

  @Test
  default void operationsReportWhatBecameReady() {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a", "A"));
    store.addStep("s", spec("b", "B"));
    store.addStep("s", spec("c", "C", "a", "b"));
    Change started = store.start("s");
    assertEquals(List.of(new Change.Ready(new StepRef("s", "a"), "A"), new Change.Ready(new StepRef("s", "b"), "B")),
        started.ready());
    Claim a = claim(store, "A");
    assertEquals(List.of(), store.finish(a.step().ref(), Settler.attempt(a.lease().token()), Optional.of("1")).ready());
    Claim b = claim(store, "B");
    Change last = store.finish(b.step().ref(), Settler.attempt(b.lease().token()), Optional.of("2"));
    assertEquals(List.of(new Change.Ready(new StepRef("s", "c"), "C")), last.ready());
    Claim c = claim(store, "C");
    assertEquals(List.of("1", "2"), c.dependencyResultsJson(), "results of a and b, in declared order");
    assertEquals("[\"c\"]", c.step().spec().argsJson());
  }

  @Test
  default void claimGrantsALeaseWithStrictlyIncreasingFencingTokens() {
    SagaStore store = started(spec("a", "A"), spec("b", "A"));
    Claim first = claim(store, "A");
    Claim second = claim(store, "A");
    assertTrue(second.lease().token() > first.lease().token());
    assertEquals("node-1", first.lease().owner());
    assertEquals(T0.plus(LEASE), first.lease().until());
    assertEquals(Optional.of(T0.plusSeconds(5)), first.lease().deadline());
    assertEquals(1, first.step().attempt());
    assertEquals(StepStatus.RUNNING, first.step().status());
    assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE), "each ready step is claimed once");
  }

  @Test
  default void aStaleFencingTokenChangesNothing() {
    SagaStore store = started(spec("a", "A"));
    Claim first = claim(store, "A");
    StepRef a = first.step().ref();
    Settler stale = Settler.attempt(first.lease().token());
    Change retry = store.fail(a, stale, "boom", T0);
    assertTrue(retry.applied());
    store.requeue(a);
    Claim second = claim(store, "A");
    assertTrue(second.lease().token() > first.lease().token());
    SagaSnapshot before = store.load("s").orElseThrow();

    assertFalse(store.finish(a, stale, Optional.of("\"late\"")).applied());
    assertFalse(store.fail(a, stale, "late", T0).applied());
    assertFalse(store.heartbeat(a, first.lease().token(), T0.plusSeconds(99)));
    assertEquals(before, store.load("s").orElseThrow());

    assertTrue(store.heartbeat(a, second.lease().token(), T0.plusSeconds(99)));
    assertEquals(T0.plusSeconds(99), store.load("s").orElseThrow().step("a").orElseThrow().lease().orElseThrow().until());
    assertTrue(store.finish(a, Settler.attempt(second.lease().token()), Optional.of("\"ok\"")).applied());
    assertEquals(SagaStatus.FINISHED, store.load("s").orElseThrow().status());
  }

  @Test
  default void aFailedAttemptWaitsOutItsBackoffBeforeItCanBeClaimedAgain() {
    SagaStore store = started(spec("a", "A"));
    Claim first = claim(store, "A");
    Change retry = store.fail(first.step().ref(), Settler.attempt(first.lease().token()), "boom", T0);
    assertEquals(Optional.of(T0.plus(TWO_ATTEMPTS.backoffBefore(2))), retry.retryAt());
    var step = store.load("s").orElseThrow().step("a").orElseThrow();
    assertEquals(StepStatus.QUEUED, step.status());
    assertEquals(Optional.of("boom"), step.failureReason());
    assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE), "not claimable during the backoff");

    Change requeued = store.requeue(first.step().ref());
    assertEquals(List.of(new Change.Ready(first.step().ref(), "A")), requeued.ready());
    Claim second = claim(store, "A");
    assertEquals(2, second.step().attempt());
    Change last = store.fail(second.step().ref(), Settler.attempt(second.lease().token()), "boom again", T0);
    assertEquals(Optional.empty(), last.retryAt(), "no attempt left");
    assertEquals(StepStatus.FAILED, store.load("s").orElseThrow().step("a").orElseThrow().status());
    assertFalse(store.requeue(first.step().ref()).applied());
  }

  @Test
  default void aStepCanBeSettledFromOutsideWhileQueuedOrRunningButOnlyOnce() {
    SagaStore store = started(spec("a", "A"), spec("b", "B"));
    StepRef a = new StepRef("s", "a");
    assertTrue(store.finish(a, Settler.external(), Optional.empty()).applied(), "QUEUED, never claimed");
    assertFalse(store.finish(a, Settler.external(), Optional.empty()).applied());
    assertFalse(store.fail(a, Settler.external(), "late", T0).applied());
    Claim b = claim(store, "B");
    assertTrue(store.finish(b.step().ref(), Settler.external(), Optional.of("7")).applied(), "RUNNING, whatever its token");
    assertFalse(store.finish(b.step().ref(), Settler.attempt(b.lease().token()), Optional.of("8")).applied());
    SagaSnapshot saga = store.load("s").orElseThrow();
    assertEquals(SagaStatus.FINISHED, saga.status());
    assertEquals(Optional.of("7"), saga.step("b").orElseThrow().resultJson());
  }

  @Test
  default void aStepSettledFromOutsideDuringItsBackoffKeepsNoRetryTime() {
    SagaStore store = started(spec("a", "A"), spec("b", "B"));
    Claim a = claim(store, "A");
    store.fail(a.step().ref(), Settler.attempt(a.lease().token()), "boom", T0);
    Claim b = claim(store, "B");
    store.fail(b.step().ref(), Settler.attempt(b.lease().token()), "boom", T0);
    assertTrue(store.load("s").orElseThrow().step("a").orElseThrow().retryAt().isPresent(), "in its backoff");

    assertTrue(store.finish(a.step().ref(), Settler.external(), Optional.empty()).applied());
    assertTrue(store.fail(b.step().ref(), Settler.external(), "given up", T0).applied());
    SagaSnapshot saga = store.load("s").orElseThrow();
    assertEquals(Optional.empty(), saga.step("a").orElseThrow().retryAt());
    assertEquals(Optional.empty(), saga.step("b").orElseThrow().retryAt());
  }

  @Test
  default void aFailureFromOutsideIsFinal() {
    SagaStore store = started(spec("a", "A"));
    Claim a = claim(store, "A");
    Change failed = store.fail(a.step().ref(), Settler.external(), "rejected by the bank", T0);
    assertEquals(Optional.empty(), failed.retryAt());
    SagaSnapshot saga = store.load("s").orElseThrow();
    assertEquals(StepStatus.FAILED, saga.step("a").orElseThrow().status());
    assertEquals(SagaStatus.COMPENSATED, saga.status());
    assertEquals("rejected by the bank", saga.failure().orElseThrow().reason());
  }

  @Test
  default void everyRejectedOperationChangesNothing() {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a", "A"));
    store.addStep("s", spec("b", "B", "a"));
    store.addCompensator("s", "a", spec("a/undo", "Undo", "a"));
    SagaSnapshot created = store.load("s").orElseThrow();
    assertRejected(store, created, Rejection.UNKNOWN_DEPENDENCY, () -> store.addStep("s", spec("c", "C", "a", "zz")));
    assertRejected(store, created, Rejection.DUPLICATE_DEPENDENCY, () -> store.addStep("s", spec("c", "C", "a", "a")));
    assertRejected(store, created, Rejection.DEPENDENCY_ON_COMPENSATOR, () -> store.addStep("s", spec("c", "C", "a/undo")));
    assertRejected(store, created, Rejection.DUPLICATE_STEP, () -> store.addStep("s", spec("b", "B")));
    assertRejected(store, created, Rejection.COMPENSATOR_EXISTS, () -> store.addCompensator("s", "a", spec("x", "X", "a")));
    assertRejected(store, created, Rejection.COMPENSATOR_OF_COMPENSATOR,
        () -> store.addCompensator("s", "a/undo", spec("x", "X", "a/undo")));
    assertRejected(store, created, Rejection.NO_SUCH_STEP, () -> store.addCompensator("s", "zz", spec("x", "X", "zz")));
    assertRejected(store, created, Rejection.NOT_STARTED, () -> store.finish(new StepRef("s", "a"), Settler.external(), Optional.empty()));
    assertRejected(store, created, Rejection.NO_SUCH_STEP, () -> store.fail(new StepRef("s", "zz"), Settler.external(), "x", T0));
    assertRejected(store, created, Rejection.SAGA_EXISTS, () -> store.createSaga("s"));
    StoreRejectedException missing = assertThrows(StoreRejectedException.class, () -> store.start("nope"));
    assertEquals(Rejection.NO_SUCH_SAGA, missing.reason());

    store.start("s");
    SagaSnapshot running = store.load("s").orElseThrow();
    assertRejected(store, running, Rejection.NOT_CREATED, () -> store.start("s"));
    Claim a = claim(store, "A");
    store.fail(a.step().ref(), Settler.external(), "boom", T0);
    SagaSnapshot settled = store.load("s").orElseThrow();
    assertEquals(SagaStatus.COMPENSATED, settled.status(), "nothing finished, nothing to compensate");
    assertRejected(store, settled, Rejection.SAGA_CLOSED, () -> store.addStep("s", spec("c", "C")));
    assertRejected(store, settled, Rejection.SAGA_CLOSED, () -> store.addCompensator("s", "b", spec("b/undo", "U", "b")));
  }

  private static void assertRejected(SagaStore store, SagaSnapshot before, Rejection reason, Executable call) {
    StoreRejectedException e = assertThrows(StoreRejectedException.class, call);
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(before.sagaId()), "the message names the saga: " + e.getMessage());
    assertEquals(before, store.load(before.sagaId()).orElseThrow(), "a rejected " + reason + " changed the saga");
  }

  @Test
  default void eventsOfASagaArriveInTheOrderOfItsTransitions() {
    SagaStore store = store();
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    store.subscribe(event -> {
      if (event instanceof StoreEvent.SagaMoved m) {
        events.add("saga " + m.from() + "->" + m.to());
      } else if (event instanceof StoreEvent.StepMoved m) {
        events.add(m.stepId() + " " + m.from() + "->" + m.to());
      } else if (event instanceof StoreEvent.WorkReady r) {
        events.add(r.stepId() + " ready for " + r.workerName());
      }
    });
    store.createSaga("s");
    store.addStep("s", spec("a", "A"));
    store.addStep("s", spec("b", "B", "a"));
    store.addCompensator("s", "a", spec("a/undo", "Undo", "a"));
    store.start("s");
    Claim a = claim(store, "A");
    store.finish(a.step().ref(), Settler.attempt(a.lease().token()), Optional.empty());
    Claim b = claim(store, "B");
    store.fail(b.step().ref(), Settler.external(), "boom", T0);
    Claim undo = claim(store, "Undo");
    assertEquals("[\"a/undo\"]", undo.step().spec().argsJson(), "the compensator's own args");
    assertEquals(List.of("null"), undo.dependencyResultsJson(), "the compensated step's result: none");
    store.finish(undo.step().ref(), Settler.attempt(undo.lease().token()), Optional.empty());
    eventually("the last event", () -> events.contains("saga COMPENSATING->COMPENSATED"));
    assertEquals(List.of(
        "saga CREATED->RUNNING", "a CREATED->QUEUED", "a ready for A",
        "a QUEUED->RUNNING",
        "a RUNNING->FINISHED", "b CREATED->QUEUED", "b ready for B",
        "b QUEUED->RUNNING",
        "b RUNNING->FAILED", "saga RUNNING->COMPENSATING", "a FINISHED->COMPENSATING",
        "a/undo WAITING_FOR_COMPENSATION->QUEUED", "a/undo ready for Undo",
        "a/undo QUEUED->RUNNING",
        "a/undo RUNNING->FINISHED", "a COMPENSATING->COMPENSATED", "saga COMPENSATING->COMPENSATED"),
        withoutExtraWakeUps(events));
  }

  /**
   * A read waits for the events of what it shows: a node completes a saga's outcome from a read, and
   * its listeners must have been told the settling first. The subscriber is held on the saga's first
   * event while the saga finishes; a read made meanwhile returns only after the subscriber was handed
   * the settling, however its delivery is scheduled (the in-memory store's start thread delivers, a
   * Redis view's event thread does).
   */
  @Test
  default void aReadReturnsOnlyOnceTheSubscribersWereToldWhatItShows() throws Exception {
    SagaStore store = store();
    List<String> told = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    store.subscribe(event -> {
      if (event instanceof StoreEvent.SagaMoved m) {
        told.add(m.from() + "->" + m.to());
        if (m.to() == SagaStatus.RUNNING) {
          held.countDown();
          await(release, "the test to release the subscriber");
        }
      }
    });
    store.createSaga("s");
    store.addStep("s", spec("a", "A"));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // The in-memory store delivers on the caller's thread: the start's thread is the one held.
      Future<?> start = threads.submit(() -> store.start("s"));
      await(held, "the subscriber to get the start's event");
      Claim a = claim(store, "A");
      store.finish(a.step().ref(), Settler.attempt(a.lease().token()), Optional.empty());
      Future<List<String>> read = threads.submit(() -> {
        assertEquals(SagaStatus.FINISHED, store.load("s").orElseThrow().status());
        return List.copyOf(told);
      });
      assertThrows(TimeoutException.class, () -> read.get(300, TimeUnit.MILLISECONDS),
          "the read returned while the subscriber had not been told the saga finished");
      release.countDown();
      assertEquals(List.of("CREATED->RUNNING", "RUNNING->FINISHED"), read.get(10, TimeUnit.SECONDS),
          "what the subscriber had been told when the read returned");
      start.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  /**
   * The events without the sweep's extra wake-ups: a Redis view's sweep reads the ready queues
   * themselves and may wake a claim for a step before the message of the move that queued it arrives,
   * or again after it (a hint to claim, not a transition; the message's own wake-up still comes in
   * its place). Dropped: a wake-up before its step's queuing move, and a repeated one.
   */
  private static List<String> withoutExtraWakeUps(List<String> events) {
    List<String> kept = new ArrayList<>();
    for (String event : events) {
      int ready = event.indexOf(" ready for ");
      String queued = ready > 0 ? event.substring(0, ready) + " " : "";
      boolean extra = ready > 0
          && (kept.contains(event) || kept.stream().noneMatch(e -> e.startsWith(queued) && e.endsWith("->QUEUED")));
      if (!extra) {
        kept.add(event);
      }
    }
    return kept;
  }

  @Test
  default void unfinishedSagasAreTheRunningAndCompensatingOnes() {
    SagaStore store = store();
    store.createSaga("created");
    store.createSaga("running");
    store.addStep("running", spec("a", "A"));
    store.start("running");
    store.createSaga("compensating");
    store.addStep("compensating", spec("a", "Nobody"));
    store.addStep("compensating", spec("b", "B"));
    store.start("compensating");
    store.finish(new StepRef("compensating", "a"), Settler.external(), Optional.empty());
    store.addCompensator("compensating", "a", spec("a/undo", "Nobody", "a"));
    store.fail(new StepRef("compensating", "b"), Settler.external(), "boom", T0);
    store.createSaga("finished");
    store.start("finished");
    assertEquals(SagaStatus.COMPENSATING, store.load("compensating").orElseThrow().status());
    assertEquals(SagaStatus.FINISHED, store.load("finished").orElseThrow().status());
    assertEquals(List.of("compensating", "running"), store.unfinishedSagas().stream().sorted().toList());
  }

  @Test
  default void illegalTransitionsCannotBeReachedThroughTheStore() {
    SagaStore store = started(spec("a", "A"));
    StepRef a = new StepRef("s", "a");
    store.finish(a, Settler.external(), Optional.empty());
    SagaSnapshot finished = store.load("s").orElseThrow();
    // A finished saga refuses every change quietly or with a rejection, never with a broken state.
    assertFalse(store.finish(a, Settler.external(), Optional.empty()).applied());
    assertFalse(store.requeue(a).applied());
    assertThrows(StoreRejectedException.class, () -> store.start("s"));
    assertEquals(finished, store.load("s").orElseThrow());
  }
}
