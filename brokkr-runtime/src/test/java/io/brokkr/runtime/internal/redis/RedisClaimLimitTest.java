package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreLimits;
import io.brokkr.runtime.spi.StoreListener;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On Redis, a claim of a join whose inputs pass the claim limit grants nothing and fails the step for
 * good with the same reason as the in-memory store ({@code ClaimLimitTest}); the stored step and saga
 * are read field by field, not as the 70 MB saga. The view whose claim settled the saga is told.
 */
class RedisClaimLimitTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private static StepSpec spec(String id, List<String> dependsOn) {
    return new StepSpec(id, id.startsWith("part") ? "Part" : "Join", dependsOn, "[]", RetryPolicy.NO_RETRY,
        Optional.empty());
  }

  @Test
  void aJoinOverTheClaimLimitIsNotGrantedAndFailsForGood() throws IOException {
    String namespace = "claims-" + UUID.randomUUID();
    KeyLayout keys = new KeyLayout(namespace, 16);
    try (SagaStore store = RedisBackend.on(REDIS.client()).open(namespace)) {
      List<Settling> settledHere = settledHere(store);
      joinOverTheClaimLimit(store, "s");

      assertEquals(Optional.empty(), store.claimNext("Join", "node-1", Instant.now(), Duration.ofSeconds(30)));
      JsonNode join = new ObjectMapper().readTree(field(keys.sagaKey("s"), "s:join"));
      assertEquals("FAILED", join.get("st").asText());
      assertEquals(0, join.get("a").asInt(), "no attempt was granted");
      assertEquals(StoreLimits.inputsTooLarge("join", 70 * 1_000_002L + 2).orElseThrow(), join.get("fr").asText());
      assertEquals("COMPENSATED", field(keys.sagaKey("s"), "status"));
      // The claim settled the saga: its view is told, so that its node counts the settling.
      assertEquals(List.of("s COMPENSATED"), settledHere.stream().map(x -> x.sagaId() + " " + x.status()).toList());
      assertTrue(store.claimNext("Join", "node-1", Instant.now(), Duration.ofSeconds(30)).isEmpty());
    }
  }

  @Test
  void aJoinOverTheClaimLimitThatACompletionNamesFailsForGoodInItsCall() throws IOException {
    String namespace = "claims-after-" + UUID.randomUUID();
    // One partition: the completion may name the join, a step of another saga of its partition.
    try (SagaStore store = RedisBackend.on(REDIS.client(), RedisOptions.defaults().withPartitions(1)).open(namespace)) {
      List<Settling> settledHere = settledHere(store);
      // x's one step is queued for Join first, then the big saga's join.
      store.createAndStart(new SagaDraft("x", List.of(spec("join-x", List.of())), Map.of()));
      joinOverTheClaimLimit(store, "big");
      Instant now = Instant.now();
      Claim x = store.claimNext("Join", "node-1", now, Duration.ofSeconds(30)).orElseThrow(); // the node learns the big join is next

      Change change = store.finishAndClaim(x.step().ref(), Settler.attempt(x.lease().token()), Optional.empty(),
          new ClaimRequest("node-1", now, Duration.ofSeconds(30), Set.of("Join")), 1);

      assertEquals(List.of(), change.claims(), "nothing granted");
      // Read field by field: loading the 70 MB saga would outlast the client's timeout.
      KeyLayout keys = new KeyLayout(namespace, 1);
      assertEquals("FAILED", new ObjectMapper().readTree(field(keys.sagaKey("big"), "s:join")).get("st").asText());
      assertEquals("FINISHED", field(keys.sagaKey("x"), "status"));
      assertEquals(List.of("big COMPENSATED", "x FINISHED"),
          settledHere.stream().map(s -> s.sagaId() + " " + s.status()).sorted().toList(),
          "the view is told of both settlings");
      assertTrue(store.claimNext("Join", "node-1", now, Duration.ofSeconds(30)).isEmpty());
    }
  }

  @Test
  void aJoinOverTheClaimLimitThatHeadsTheQueueAfterAnotherNodesClaimFailsInTheNextCallForItsSaga() throws IOException {
    String namespace = "claims-overtaken-" + UUID.randomUUID();
    RedisOptions onePartition = RedisOptions.defaults().withPartitions(1);
    try (SagaStore store = RedisBackend.on(REDIS.client(), onePartition).open(namespace);
        SagaStore other = RedisBackend.on(REDIS.client(), onePartition).open(namespace)) {
      List<Settling> settledHere = settledHere(store);
      // Join's queue: w's step, x's, then the big saga's join.
      store.createAndStart(new SagaDraft("w", List.of(spec("join-w", List.of())), Map.of()));
      store.createAndStart(new SagaDraft("x", List.of(spec("join-x", List.of())), Map.of()));
      joinOverTheClaimLimit(store, "big");
      Instant now = Instant.now();
      store.claimNext("Join", "node-1", now, Duration.ofSeconds(30)).orElseThrow(); // believes x heads the queue
      assertEquals(new StepRef("x", "join-x"), other.claimNext("Join", "node-2", now, Duration.ofSeconds(30))
          .orElseThrow().step().ref());

      // The claim naming x finds the big join at the head: it does not fail it in x's call, whose
      // reply speaks for x; the next call names the join and fails it, for its own saga.
      assertEquals(Optional.empty(), store.claimNext("Join", "node-1", now, Duration.ofSeconds(30)));
      KeyLayout keys = new KeyLayout(namespace, 1);
      assertEquals("FAILED", new ObjectMapper().readTree(field(keys.sagaKey("big"), "s:join")).get("st").asText());
      assertEquals(List.of("big COMPENSATED"), settledHere.stream().map(s -> s.sagaId() + " " + s.status()).toList());
    }
  }

  /** What the view tells its own listeners it settled. */
  private static List<Settling> settledHere(SagaStore store) {
    List<Settling> settledHere = new CopyOnWriteArrayList<>();
    store.subscribeToOwnWork(new StoreListener() {
      @Override
      public void onEvent(StoreEvent event) {}

      @Override
      public void settledHere(Settling settling) {
        settledHere.add(settling);
      }
    });
    return settledHere;
  }

  /** A saga whose join, queued once its 70 parts finished with 1 MB each, is over the claim limit. */
  private static void joinOverTheClaimLimit(SagaStore store, String sagaId) {
    store.createSaga(sagaId);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      parts.add("part-" + i);
      store.addStep(sagaId, spec("part-" + i, List.of()));
    }
    store.addStep(sagaId, spec("join", parts));
    store.start(sagaId);
    String result = "\"" + "x".repeat(1_000_000) + "\"";
    parts.forEach(part -> store.finish(new StepRef(sagaId, part), Settler.external(), Optional.of(result)));
  }

  /** One field of a hash, as redis-cli would print it (a bulk string reply without its header). */
  private static String field(String key, String name) throws IOException {
    String reply = REDIS.redisServer().command("HGET " + key + " " + name);
    return reply.substring(reply.indexOf("\r\n") + 2).trim();
  }
}
