package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisCallListener;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Claims of a saga's queued steps that another claimer overtook cost no call more: a completion that
 * claims the next queued step of its saga from the head of its worker's queue tells the node the
 * queue's new head, and a claim whose expected entry was taken claims the queue's new head instead,
 * a step of the same saga or of another of the partition.
 */
class QueuedHeadClaimTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);

  private static StepSpec spec(String id, String worker, String... dependsOn) {
    return new StepSpec(id, worker, List.of(dependsOn), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }

  @Test
  void theNodeLearnsTheHeadLeftByAClaimFromTheQueueInACompletion() {
    RequestCounts calls = new RequestCounts();
    try (SagaStore store = RedisBackend.on(REDIS.client(), RedisOptions.defaults().withCallListener(calls))
        .open("head-" + UUID.randomUUID())) {
      store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "A"), spec("c", "A"),
          spec("d", "D", "a", "b", "c")), Map.of()));
      Claim a = store.claimNext("A", "node-1", T0, LEASE).orElseThrow();
      Change change = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.empty(),
          new ClaimRequest("node-1", T0, LEASE, Set.of("A")));
      assertEquals(new StepRef("s", "b"), change.claimed().orElseThrow().step().ref());

      long before = calls.snapshot().getOrDefault("claim", 0L);
      assertEquals(new StepRef("s", "c"), store.claimNext("A", "node-1", T0, LEASE).orElseThrow().step().ref());
      assertEquals(1L, calls.snapshot().get("claim") - before, "claim calls for c: " + calls.snapshot());
    }
  }

  @Test
  void aClaimWhoseEntryAnotherNodeTookClaimsTheNewHeadOfTheSameSagaInTheSameCall() {
    RequestCounts calls = new RequestCounts();
    String namespace = "taken-" + UUID.randomUUID();
    try (SagaStore store = RedisBackend.on(REDIS.client(), RedisOptions.defaults().withCallListener(calls)).open(namespace);
        SagaStore other = RedisBackend.on(REDIS.client()).open(namespace)) {
      store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "A"), spec("c", "A")), Map.of()));
      assertEquals(new StepRef("s", "a"), store.claimNext("A", "node-1", T0, LEASE).orElseThrow().step().ref());
      // This view believes b heads the queue; another node takes it.
      assertEquals(new StepRef("s", "b"), other.claimNext("A", "node-2", T0, LEASE).orElseThrow().step().ref());

      long before = calls.snapshot().getOrDefault("claim", 0L);
      Claim c = store.claimNext("A", "node-1", T0, LEASE).orElseThrow();
      assertEquals(new StepRef("s", "c"), c.step().ref());
      assertEquals(1L, calls.snapshot().get("claim") - before, "claim calls for c: " + calls.snapshot());
      assertEquals("node-1", c.lease().owner());
      assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE));
    }
  }

  @Test
  void aClaimWhoseEntryAnotherNodeTookClaimsTheNewHeadOfAnotherSagaInTheSameCall() {
    RequestCounts calls = new RequestCounts();
    String namespace = "taken-other-" + UUID.randomUUID();
    // One partition: the three sagas' steps share A's queue.
    RedisOptions onePartition = RedisOptions.defaults().withPartitions(1);
    try (SagaStore store = RedisBackend.on(REDIS.client(), onePartition.withCallListener(calls)).open(namespace);
        SagaStore other = RedisBackend.on(REDIS.client(), onePartition).open(namespace)) {
      for (String saga : List.of("x", "y", "z")) {
        store.createAndStart(new SagaDraft(saga, List.of(spec("a", "A")), Map.of()));
      }
      assertEquals(new StepRef("x", "a"), store.claimNext("A", "node-1", T0, LEASE).orElseThrow().step().ref());
      // This view believes y heads the queue; another node takes it.
      assertEquals(new StepRef("y", "a"), other.claimNext("A", "node-2", T0, LEASE).orElseThrow().step().ref());

      long before = calls.snapshot().getOrDefault("claim", 0L);
      Claim z = store.claimNext("A", "node-1", T0, LEASE).orElseThrow();
      assertEquals(new StepRef("z", "a"), z.step().ref());
      assertEquals(1L, calls.snapshot().get("claim") - before, "claim calls for z: " + calls.snapshot());
      assertEquals("node-1", z.lease().owner());
      assertEquals(List.of(new StepRef("z", "a")), store.load("z").orElseThrow().steps().stream()
          .filter(step -> step.status() == StepStatus.RUNNING).map(StepSnapshot::ref).toList());
      assertEquals(List.of(Optional.of("node-1")), store.history("z").stream()
          .filter(e -> e.stepId().isPresent() && e.to().equals(Optional.of("RUNNING"))).map(e -> e.nodeId()).toList(),
          "z's history has its claim: " + store.history("z"));
      assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE));
    }
  }

  /**
   * A thread of a node that finds the only head it knows being claimed by another thread of the node
   * makes no call, and is woken when that claim ends: the queue may hold more than the node knew.
   */
  @Test
  void aClaimThatFindsItsOnlyKnownHeadBeingClaimedMakesNoCallAndTheNodeLooksAgainWhenThatClaimEnds()
      throws Exception {
    CountDownLatch inClaim = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RequestCounts calls = new RequestCounts();
    RedisCallListener holdingTheFirstClaim = new RedisCallListener() {
      private final AtomicBoolean first = new AtomicBoolean(true);

      @Override
      public void onCall(String kind, Duration took) {
        calls.onCall(kind, took);
        // Called on the claiming thread once Redis answered, before the claim is over.
        if (kind.equals("claim") && first.getAndSet(false)) {
          inClaim.countDown();
          await(release);
        }
      }
    };
    List<StoreEvent.WorkReady> woken = new CopyOnWriteArrayList<>();
    ExecutorService other = Executors.newSingleThreadExecutor();
    RedisOptions onePartition = RedisOptions.defaults().withPartitions(1).withCallListener(holdingTheFirstClaim);
    try (SagaStore store = RedisBackend.on(REDIS.client(), onePartition).open("in-flight-" + UUID.randomUUID())) {
      store.createAndStart(new SagaDraft("s", List.of(spec("a", "A")), Map.of()));
      store.subscribeToOwnWork(event -> {
        if (event instanceof StoreEvent.WorkReady ready) {
          woken.add(ready);
        }
      });
      Future<Optional<Claim>> first = other.submit(() -> store.claimNext("A", "node-1", T0, LEASE));
      assertTrue(inClaim.await(30, TimeUnit.SECONDS));
      long before = calls.snapshot().get("claim");
      woken.clear();

      assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE), "s's step is the other thread's");
      assertEquals(before, calls.snapshot().get("claim"), "no call for it: " + calls.snapshot());
      assertEquals(List.of(), woken, "nothing wakes the node while the claim lasts");

      release.countDown();
      assertEquals(new StepRef("s", "a"), first.get(30, TimeUnit.SECONDS).orElseThrow().step().ref());
      Eventually.until("the node is told to look for A's work again", () -> !woken.isEmpty());
      assertEquals("A", woken.get(0).workerName());
    } finally {
      release.countDown();
      other.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
