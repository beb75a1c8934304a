package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
}
