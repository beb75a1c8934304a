package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A saga makes events of the moves that settle nothing (a step's, a saga's into a status not settled)
 * only while a subscriber wants them: a subscription to a view's own work (a node's) wants them once
 * the view follows all (the node has listeners), a subscription to every event always; a settling
 * and the work made ready come either way.
 */
class MovesWantedTest {
  private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");
  private final MemoryBackend backend = new MemoryBackend(Duration.ofDays(1), StoreLimits.DEFAULTS);
  private final SagaStore view = backend.open("ns", Clock.systemUTC());
  private final List<StoreEvent> heard = new CopyOnWriteArrayList<>();

  @Test
  void aViewsOwnWorkHearsNoMoveThatSettlesNothingUntilItFollowsAllButItsSettlingsAndWork() {
    view.subscribeToOwnWork(heard::add);
    run("before");
    assertEquals(List.of(), stepMoves("before"), "nobody wants them yet");
    assertEquals(List.of("SagaMoved RUNNING>FINISHED"), sagaMoves("before"), "its start unheard, its settling told");
    assertEquals(1, heard.stream().filter(e -> e instanceof StoreEvent.WorkReady).count(), "its step's work, announced");

    view.followAll();
    run("after");
    assertEquals(List.of("CREATED>QUEUED", "QUEUED>RUNNING", "RUNNING>FINISHED"), stepMoves("after"));
    assertEquals(List.of("SagaMoved CREATED>RUNNING", "SagaMoved RUNNING>FINISHED"), sagaMoves("after"));
  }

  @Test
  void aSubscriptionToEveryEventWantsTheMovesForEveryone() {
    view.subscribeToOwnWork(heard::add);
    SagaStore.Subscription everything = backend.open("ns", Clock.systemUTC()).subscribe(event -> {});
    run("watched");
    assertEquals(List.of("CREATED>QUEUED", "QUEUED>RUNNING", "RUNNING>FINISHED"), stepMoves("watched"),
        "made for the other subscription, handed to every one");
    assertEquals(List.of("SagaMoved CREATED>RUNNING", "SagaMoved RUNNING>FINISHED"), sagaMoves("watched"));

    everything.close();
    run("unwatched");
    assertEquals(List.of(), stepMoves("unwatched"), "made for nobody once it closed");
    assertEquals(List.of("SagaMoved RUNNING>FINISHED"), sagaMoves("unwatched"));
  }

  @Test
  void aSubscriptionMadeAfterItsViewFollowsAllHearsTheMoves() {
    view.followAll();
    view.subscribeToOwnWork(heard::add);
    run("later");
    assertEquals(List.of("CREATED>QUEUED", "QUEUED>RUNNING", "RUNNING>FINISHED"), stepMoves("later"));
  }

  @Test
  void aClosedOwnWorkSubscriptionIsNotCountedWhenItsViewFollowsAll() {
    SagaStore.Subscription closed = view.subscribeToOwnWork(event -> {});
    closed.close();
    closed.close(); // again: nothing more
    view.followAll();
    backend.open("ns", Clock.systemUTC()).subscribeToOwnWork(heard::add); // another view, not following all
    run("s");
    assertEquals(List.of(), stepMoves("s"), "nobody wants them: the closed subscription does not count");
    assertEquals(List.of("SagaMoved RUNNING>FINISHED"), sagaMoves("s"));
  }

  /** A saga of one step, started, claimed and finished through the view. */
  private void run(String sagaId) {
    view.createSaga(sagaId, Optional.empty());
    view.addStep(sagaId, new StepSpec("a", "w", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
    view.start(sagaId);
    Claim claim = view.claimNext("w", "node-1", AT, Duration.ofSeconds(30)).orElseThrow();
    view.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("1"));
  }

  private List<String> stepMoves(String sagaId) {
    return heard.stream()
        .filter(e -> e instanceof StoreEvent.StepMoved && e.sagaId().equals(sagaId))
        .map(e -> (StoreEvent.StepMoved) e)
        .map(m -> m.from() + ">" + m.to())
        .toList();
  }

  private List<String> sagaMoves(String sagaId) {
    return heard.stream()
        .filter(e -> e instanceof StoreEvent.SagaMoved && e.sagaId().equals(sagaId))
        .map(e -> (StoreEvent.SagaMoved) e)
        .map(m -> "SagaMoved " + m.from() + ">" + m.to())
        .toList();
  }
}
