package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What a view alone is told about its own transitions (so that one node counts each): the saga its
 * call or sweep settled, and the expired lease its sweep failed; the other views hear neither.
 */
public interface SettledHereContract extends ContractFixture {
  Instant AT = Instant.parse("2030-01-01T00:00:00Z");
  Duration LEASE_OF_ONE = Duration.ofSeconds(30);
  RetryPolicy ONE_ATTEMPT = new RetryPolicy(1, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1));

  /** What one view's listener was told besides the events. */
  final class Heard implements StoreListener {
    final List<Settling> settled = new CopyOnWriteArrayList<>();
    final List<String> expired = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(StoreEvent event) {}

    @Override
    public void settledHere(Settling settling) {
      settled.add(settling);
    }

    @Override
    public void leaseExpiredHere(StepRef step, String workerName) {
      expired.add(step.sagaId() + "/" + step.stepId() + " of " + workerName);
    }
  }

  private static StepSpec once(String id, Optional<Duration> timeout) {
    return new StepSpec(id, "A", List.of(), "[]", ONE_ATTEMPT, timeout);
  }

  private static Heard heard(SagaStore view) {
    Heard heard = new Heard();
    view.subscribe(heard);
    return heard;
  }

  /** A listener as a node subscribes one: to its own work only. */
  private static Heard heardOwnWork(SagaStore view) {
    Heard heard = new Heard();
    view.subscribeToOwnWork(heard);
    return heard;
  }

  private static Claim started(SagaStore view, String sagaId, StepSpec step) {
    view.createSaga(sagaId, Optional.of("forging"));
    view.addStep(sagaId, step);
    view.start(sagaId);
    return view.claimNext("A", "node-1", AT, LEASE_OF_ONE).orElseThrow();
  }

  @Test
  default void theSettlingIsToldToTheViewWhoseCallMadeItAndToNoOther() {
    SagaStore x = store();
    SagaStore y = store();
    Heard heardX = heard(x);
    Heard heardY = heard(y);
    Heard heardYOwnWork = heardOwnWork(y);
    Instant before = Instant.now();
    Claim claim = started(x, "s", once("a", Optional.empty()));
    assertEquals(List.of(), heardX.settled, "nothing settled yet");

    Change finished = y.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("1"));
    Settling settling = finished.settling().orElseThrow(() -> new AssertionError("the change settled the saga"));
    assertEquals("s", settling.sagaId());
    assertEquals(Optional.of("forging"), settling.name());
    assertEquals(SagaStatus.FINISHED, settling.status());
    assertTrue(!settling.createdAt().isBefore(before.minusSeconds(60)) && settling.createdAt().isBefore(Instant.now().plusSeconds(60)),
        "created now, by the store's clock: " + settling.createdAt());
    assertEquals(List.of(settling), heardY.settled);
    assertEquals(List.of(settling), heardYOwnWork.settled, "a listener of its own work only is told too");
    assertEquals(List.of(), heardX.settled, "the other view is not told");
    assertEquals(Optional.empty(), y.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("1"))
        .settling(), "a duplicate settles nothing");
    assertEquals(List.of(settling), heardY.settled);
  }

  @Test
  default void theSettlingTellsTheOutcomeAsAReadOfTheSagaDoes() {
    SagaStore x = store();
    x.createSaga("s", Optional.of("forging"));
    // Added b first: the outcome keeps the order the steps were added in, not the order they finished.
    x.addStep("s", once("b", Optional.empty()));
    x.addStep("s", once("a", Optional.empty()));
    x.start("s");
    Claim first = x.claimNext("A", "node-1", AT, LEASE_OF_ONE).orElseThrow();
    Claim second = x.claimNext("A", "node-1", AT, LEASE_OF_ONE).orElseThrow();
    Change one = x.finish(second.step().ref(), Settler.attempt(second.lease().token()),
        Optional.of("\"" + second.step().spec().stepId() + "\""));
    assertEquals(Optional.empty(), one.settling());
    Change both = x.finish(first.step().ref(), Settler.attempt(first.lease().token()),
        Optional.of("\"" + first.step().spec().stepId() + "\""));

    StoreEvent.Settlement told = both.settling().orElseThrow().outcome()
        .orElseThrow(() -> new AssertionError("the store tells the outcome of a saga it settled"));
    assertEquals(List.of("b", "a"), List.copyOf(told.results().keySet()));
    assertEquals(List.of("\"b\"", "\"a\""), List.copyOf(told.results().values()));
    assertEquals(Optional.empty(), told.failure());

    Claim failing = started(x, "t", once("c", Optional.empty()));
    Change failed = x.fail(failing.step().ref(), Settler.attempt(failing.lease().token()), "the anvil cracked", AT);
    Settling compensated = failed.settling().orElseThrow(() -> new AssertionError("its only step failed for good: settled"));
    assertEquals(SagaStatus.COMPENSATED, compensated.status());
    StoreEvent.Settlement toldFailure = compensated.outcome().orElseThrow();
    assertEquals(x.load("t").orElseThrow().failure(), toldFailure.failure());
    assertEquals("c", toldFailure.failure().orElseThrow().stepId());
    assertEquals(Map.of(), toldFailure.results());
  }

  @Test
  default void theExpiredLeaseIsToldToTheViewWhoseSweepFailedItAndAPassedDeadlineIsNot() {
    SagaStore x = store();
    SagaStore y = store();
    Heard heardX = heard(x);
    Heard heardY = heardOwnWork(y);
    started(x, "s", once("a", Optional.empty()));

    assertEquals(1, y.fireDue(AT.plus(LEASE_OF_ONE)));
    assertEquals(List.of("s/a of A"), heardY.expired);
    assertEquals(List.of(SagaStatus.COMPENSATED), heardY.settled.stream().map(Settling::status).toList(),
        "its only attempt failed: the saga settled in the sweep");
    assertEquals(List.of(), heardX.expired);
    assertEquals(List.of(), heardX.settled);

    started(x, "t", once("b", Optional.of(Duration.ofSeconds(1))));
    assertEquals(1, y.fireDue(AT.plus(Duration.ofSeconds(1))));
    assertEquals(List.of("s/a of A"), heardY.expired, "a deadline that passed is a timeout, not an expired lease");
    assertEquals(2, heardY.settled.size());
  }
}
