package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.testing.Eventually;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller blocked on a future derived from a saga's outcome is woken when the node tells the
 * outcome, and completes it on its own thread; the teller runs no callback.
 */
class OutcomeFutureTest {
  /** Guards a test against a caller that would never wake; no timing is asserted. */
  private static final long HANG = 30;

  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  private static SagaOutcome finished() {
    return new SagaOutcome("s", SagaStatus.FINISHED, Optional.empty(), new Results("s", Map.of(), new Json()));
  }

  /** Starts {@code call} on a caller thread and returns once that thread is blocked (parked). */
  private <T> Future<T> blocked(Callable<T> call) {
    AtomicReference<Thread> caller = new AtomicReference<>();
    Future<T> future = callers.submit(() -> {
      caller.set(Thread.currentThread());
      return call.call();
    });
    Eventually.until("the caller blocks", () -> caller.get() != null
        && (caller.get().getState() == Thread.State.WAITING || caller.get().getState() == Thread.State.TIMED_WAITING));
    return future;
  }

  @Test
  void aCallerBlockedInGetIsAnsweredByTheTellingAloneAndCompletesTheOutcome() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    CompletableFuture<SagaOutcome> copy = outcome.copy();
    Future<SagaOutcome> got = blocked(copy::get);
    SagaOutcome told = finished();

    outcome.tell(told); // nobody completes the outcome itself: the callback thread is "late"

    assertSame(told, got.get(HANG, TimeUnit.SECONDS));
    assertTrue(outcome.isDone(), "completed by the caller it woke");
  }

  @Test
  void theTellerRunsNoCallbackTheWokenCallerDoes() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    LinkedBlockingQueue<Thread> ranOn = new LinkedBlockingQueue<>();
    outcome.copy().thenRun(() -> ranOn.add(Thread.currentThread()));

    outcome.tell(finished());
    assertFalse(outcome.isDone(), "telling completes nothing on the teller's thread");
    assertTrue(ranOn.isEmpty());

    AtomicReference<Thread> caller = new AtomicReference<>();
    callers.submit(() -> {
      caller.set(Thread.currentThread());
      return outcome.copy().join();
    }).get(HANG, TimeUnit.SECONDS);
    assertEquals(caller.get(), ranOn.poll(HANG, TimeUnit.SECONDS), "the callback ran on the caller that completed it");
  }

  @Test
  void aStageOfTheOutcomeAnswersWhatItMakesOfIt() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    CompletableFuture<String> status = outcome.thenApply(o -> o.status().name()).thenApply(String::toLowerCase);
    Future<String> got = blocked(status::join);

    outcome.tell(finished());

    assertEquals("finished", got.get(HANG, TimeUnit.SECONDS));
  }

  @Test
  void aToldFailureFailsTheCallersGet() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    Future<SagaOutcome> got = blocked(() -> outcome.copy().get(1, TimeUnit.DAYS));
    IllegalStateException reason = new IllegalStateException("node closed");

    outcome.tellFailure(reason);

    ExecutionException failed = assertThrows(ExecutionException.class, () -> got.get(HANG, TimeUnit.SECONDS));
    assertSame(reason, failed.getCause().getCause(), "get() fails with the told reason");
  }

  @Test
  void anOutcomeCompletedWithoutTellingWakesTheBlockedCallersToo() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    Future<SagaOutcome> got = blocked(outcome.copy()::get);
    SagaOutcome settled = finished();

    outcome.complete(settled); // as on the callback thread, or inline when the saga was read settled

    assertSame(settled, got.get(HANG, TimeUnit.SECONDS));
  }

  @Test
  void aCallerBlockedOnItsCopyWakesWhenTheCopyIsCancelledThoughNothingIsTold() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    CompletableFuture<SagaOutcome> copy = outcome.copy();
    Future<String> got = blocked(() -> {
      try {
        return "got " + copy.get();
      } catch (CancellationException expected) {
        return "cancelled";
      }
    });

    copy.cancel(true); // another thread gives up on this copy; the saga runs on

    assertEquals("cancelled", got.get(HANG, TimeUnit.SECONDS));
    assertFalse(outcome.isDone());
  }

  @Test
  void aCallerBlockedOnAStageWakesWhenAnotherFutureOfTheStageFailsIt() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    CompletableFuture<SagaOutcome> other = new CompletableFuture<>();
    CompletableFuture<String> either = outcome.copy().applyToEither(other, o -> "first");
    Future<Throwable> got = blocked(() -> assertThrows(ExecutionException.class, either::get).getCause());
    IllegalStateException reason = new IllegalStateException("the other one failed");

    other.completeExceptionally(reason);

    assertSame(reason, got.get(HANG, TimeUnit.SECONDS), "failed by the other future, not by the outcome");
  }

  @Test
  void aHugeTimeoutDoesNotOverflowIntoNone() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    Future<SagaOutcome> got = blocked(() -> outcome.copy().get(Long.MAX_VALUE, TimeUnit.DAYS));
    SagaOutcome told = finished();

    outcome.tell(told);

    assertSame(told, got.get(HANG, TimeUnit.SECONDS));
  }

  @Test
  void aCallerThatGetsWithATimeoutAgainAndAgainAddsNothingMoreToItsFuture() {
    OutcomeFuture outcome = new OutcomeFuture();
    CompletableFuture<SagaOutcome> copy = outcome.copy();

    for (int i = 0; i < 5; i++) {
      assertThrows(TimeoutException.class, () -> copy.get(1, TimeUnit.MILLISECONDS));
    }

    assertEquals(1, copy.getNumberOfDependents(), "one wake-up stage for all its blocked callers");
  }

  @Test
  void aGetWithATimeoutTimesOutWhenNothingIsTold() {
    OutcomeFuture outcome = new OutcomeFuture();

    assertThrows(TimeoutException.class, () -> outcome.copy().get(1, TimeUnit.MILLISECONDS));
    assertFalse(outcome.isDone());
  }

  @Test
  void anInterruptedGetThrowsAndAnInterruptedJoinWaitsOnKeepingTheStatus() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    AtomicReference<Thread> getter = new AtomicReference<>();
    Future<Boolean> get = blocked(() -> {
      getter.set(Thread.currentThread());
      try {
        outcome.copy().get();
        return false;
      } catch (InterruptedException expected) {
        return true;
      }
    });
    getter.get().interrupt();
    assertTrue(get.get(HANG, TimeUnit.SECONDS), "get() throws InterruptedException");

    AtomicReference<Thread> joiner = new AtomicReference<>();
    Future<List<Object>> join = blocked(() -> {
      joiner.set(Thread.currentThread());
      SagaOutcome joined = outcome.copy().join();
      return List.of(joined, Thread.currentThread().isInterrupted());
    });
    joiner.get().interrupt();
    SagaOutcome told = finished();
    outcome.tell(told);
    assertEquals(List.of(told, true), join.get(HANG, TimeUnit.SECONDS), "join() waited for the outcome and kept the status");
  }

  @Test
  void anAsyncStageStillWaitsForItsExecutor() throws Exception {
    OutcomeFuture outcome = new OutcomeFuture();
    LinkedBlockingQueue<Runnable> later = new LinkedBlockingQueue<>();
    CompletableFuture<String> async = outcome.thenApplyAsync(o -> "ran", later::add);
    Future<String> got = blocked(async::get);

    outcome.tell(finished());
    later.poll(HANG, TimeUnit.SECONDS).run(); // handed to the executor once the caller completed the outcome

    assertEquals("ran", got.get(HANG, TimeUnit.SECONDS));
  }
}
