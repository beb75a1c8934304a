package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * A completion that claims nothing else for its node (no step of its saga ready for it) claims, in the
 * same call, the step the node knows to head one of its workers' queues in the saga's partition, a
 * step of another saga: the thread the finished step gives back takes it without a claim call.
 * Run on one Redis and on a Cluster (the call names both sagas' keys, of one slot).
 */
abstract class ClaimAfterCompletionContract {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final ClaimRequest NODE_1 = new ClaimRequest("node-1", T0, LEASE, Set.of("A"));

  private final String namespace = "after-" + UUID.randomUUID();
  private final RequestCounts calls = new RequestCounts();

  /** The client of the Redis or Cluster under test. */
  protected abstract RedissonClient client();

  /** One partition: every saga's steps share a queue, as two sagas of one partition do. */
  private SagaStore view(boolean counted) {
    RedisOptions options = RedisOptions.defaults().withPartitions(1);
    return RedisBackend.on(client(), counted ? options.withCallListener(calls) : options).open(namespace);
  }

  @Test
  void aHeadInAnotherPartitionIsLeftToAClaimCall() {
    int partitions = 4;
    KeyLayout layout = new KeyLayout(namespace, partitions);
    // x in partition 0, which the node's first claim reads first; y in another: a call names the keys
    // of one slot (a Cluster's rule, kept on every Redis).
    String x = "x";
    for (int i = 0; layout.partitionOf(x) != 0; i++) {
      x = "x" + i;
    }
    String y = "y";
    for (int i = 0; layout.partitionOf(y) == 0; i++) {
      y = "y" + i;
    }
    try (SagaStore store = RedisBackend.on(client(), RedisOptions.defaults().withPartitions(partitions)
        .withCallListener(calls)).open(namespace)) {
      oneStepSaga(store, x);
      oneStepSaga(store, y);
      Claim first = store.claimNext("A", "node-1", T0, LEASE).orElseThrow();
      assertEquals(new StepRef(x, "a"), first.step().ref());
      long before = claimCalls();

      Change change = finish(store, first);

      assertEquals(List.of(), change.claims());
      assertEquals(StepStatus.QUEUED, store.load(y).orElseThrow().step("a").orElseThrow().status());
      assertEquals(new StepRef(y, "a"), store.claimNext("A", "node-1", T0, LEASE).orElseThrow().step().ref());
      assertEquals(1L, claimCalls() - before, "claim calls: " + calls.snapshot());
    }
  }

  private static void oneStepSaga(SagaStore store, String sagaId) {
    store.createAndStart(new SagaDraft(sagaId,
        List.of(new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty())), Map.of()));
  }

  private static Change finish(SagaStore store, Claim claim) {
    return store.finishAndClaim(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.empty(), NODE_1, 1);
  }

  private long claimCalls() {
    return calls.snapshot().getOrDefault("claim", 0L);
  }

  @Test
  void aCompletionThatClaimsNothingElseClaimsTheQueuedStepOfAnotherSagaInTheSameCall() {
    try (SagaStore store = view(true)) {
      oneStepSaga(store, "x");
      oneStepSaga(store, "y");
      Claim x = store.claimNext("A", "node-1", T0, LEASE).orElseThrow(); // the node now knows y heads the queue
      long before = claimCalls();

      Change change = finish(store, x);

      Claim y = change.claimed().orElseThrow();
      assertEquals(new StepRef("y", "a"), y.step().ref());
      assertEquals(1, change.claims().size());
      assertEquals("node-1", y.lease().owner());
      assertTrue(y.readyAt().isPresent(), "the step waited in the queue");
      assertEquals(0L, claimCalls() - before, "claim calls: " + calls.snapshot());
      assertEquals(StepStatus.RUNNING, store.load("y").orElseThrow().step("a").orElseThrow().status());
      assertEquals(StepStatus.FINISHED, store.load("x").orElseThrow().step("a").orElseThrow().status());
      assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE));
    }
  }

  @Test
  void aHeadAnotherNodeTookGivesWayToTheQueuesNewHeadInTheSameCall() {
    try (SagaStore store = view(true); SagaStore other = view(false)) {
      oneStepSaga(store, "x");
      oneStepSaga(store, "y");
      oneStepSaga(store, "z");
      Claim x = store.claimNext("A", "node-1", T0, LEASE).orElseThrow(); // believes y heads the queue
      assertEquals(new StepRef("y", "a"), other.claimNext("A", "node-2", T0, LEASE).orElseThrow().step().ref());
      long before = claimCalls();

      Change change = finish(store, x);

      assertEquals(List.of(new StepRef("z", "a")), change.claims().stream().map(c -> c.step().ref()).toList(),
          "z, the new head, though the call named y's keys");
      assertEquals("node-1", change.claims().get(0).lease().owner());
      assertEquals(StepStatus.RUNNING, store.load("z").orElseThrow().step("a").orElseThrow().status());
      assertEquals("node-2", store.load("y").orElseThrow().step("a").orElseThrow().lease().orElseThrow().owner());
      assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE));
      assertEquals(0L, claimCalls() - before, "the reply told the queue was empty: " + calls.snapshot());
    }
  }

  @Test
  void aHeadAnotherNodeTookOfAQueueLeftEmptyClaimsNothing() {
    try (SagaStore store = view(true); SagaStore other = view(false)) {
      oneStepSaga(store, "x");
      oneStepSaga(store, "y");
      Claim x = store.claimNext("A", "node-1", T0, LEASE).orElseThrow(); // believes y heads the queue
      assertEquals(new StepRef("y", "a"), other.claimNext("A", "node-2", T0, LEASE).orElseThrow().step().ref());
      long before = claimCalls();

      Change change = finish(store, x);

      assertEquals(List.of(), change.claims());
      assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE));
      assertEquals(0L, claimCalls() - before, "the reply told the queue was empty: " + calls.snapshot());
    }
  }

  @Test
  void aViewThatClaimsNothingForTheWorkerClaimsNoStepOfAnotherSaga() {
    try (SagaStore claimer = view(false); SagaStore actor = view(false)) {
      oneStepSaga(claimer, "x");
      oneStepSaga(claimer, "y");
      Claim x = claimer.claimNext("A", "node-1", T0, LEASE).orElseThrow();

      Change change = finish(actor, x);

      assertEquals(List.of(), change.claims(), "the actor knows no head of A's queue");
      assertEquals(StepStatus.QUEUED, actor.load("y").orElseThrow().step("a").orElseThrow().status());
    }
  }

  @Test
  void aCompletionThatClaimsAStepOfItsOwnSagaClaimsNoOther() {
    try (SagaStore store = view(false)) {
      store.createAndStart(new SagaDraft("x", List.of(
          new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()),
          new StepSpec("b", "A", List.of("a"), "[]", RetryPolicy.NO_RETRY, Optional.empty())), Map.of()));
      oneStepSaga(store, "y");
      Claim a = store.claimNext("A", "node-1", T0, LEASE).orElseThrow();

      Change change = finish(store, a);

      assertEquals(List.of(new StepRef("x", "b")), change.claims().stream().map(c -> c.step().ref()).toList());
      assertEquals(StepStatus.QUEUED, store.load("y").orElseThrow().step("a").orElseThrow().status());
    }
  }
}
