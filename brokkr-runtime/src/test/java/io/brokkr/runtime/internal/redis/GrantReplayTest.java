package io.brokkr.runtime.internal.redis;

import static io.brokkr.runtime.internal.redis.RequestKeys.keptAt;
import static io.brokkr.runtime.internal.redis.RequestKeys.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RScript;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * A call that the client re-sends (same request id) is answered from the kept reply: the very reply
 * of the first call, and a replayed claim still carries the saga's trace context. A thread keeps one
 * reply a partition, its last; a late copy of a request it sent before that one is refused.
 */
class GrantReplayTest {
  private static final Map<String, String> CONTEXT =
      Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "tracestate", "k=v");
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final long LEASE_MS = 30_000;

  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private final String namespace = "replay-" + UUID.randomUUID();
  private final KeyLayout keys = new KeyLayout(namespace, RedisOptions.DEFAULT_PARTITIONS);
  private final Snapshots snapshots = new Snapshots();
  private final List<SagaStore> stores = new ArrayList<>();

  @AfterEach
  void closeStores() {
    stores.forEach(SagaStore::close);
  }

  private SagaStore tracedSaga(String sagaId, Map<String, String> context) {
    SagaStore store = RedisBackend.on(REDIS.client()).open(namespace);
    stores.add(store);
    store.createSaga(sagaId, Optional.empty(), context);
    store.addStep(sagaId, new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
    store.addStep(sagaId, new StepSpec("b", "B", List.of("a"), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
    store.start(sagaId);
    return store;
  }

  /** The entry at the head of the ready queue of the saga's partition. */
  private String readyHead(String sagaId) {
    return REDIS.client().<String>getScoredSortedSet(keys.readyKey(keys.partitionOf(sagaId)), StringCodec.INSTANCE)
        .first();
  }

  /** One call of a transition script with the request key {@code request}, as a re-send repeats it. */
  private List<Object> call(Script script, String sagaId, String request, Object... args) {
    return call(script, sagaId, request, List.of(), args);
  }

  /** As {@link #call(Script, String, String, Object...)}, with keys after the request key. */
  private List<Object> call(Script script, String sagaId, String request, List<Object> moreKeys, Object... args) {
    List<Object> withRequest = new ArrayList<>(keys.keys(sagaId));
    withRequest.add(request);
    withRequest.addAll(moreKeys);
    List<Object> argv = new ArrayList<>(List.of(sagaId, keys.channel(), 60_000));
    argv.addAll(List.of(args));
    return REDIS.client().getScript(StringCodec.INSTANCE).evalSha(RScript.Mode.READ_WRITE,
        ScriptRegistry.shared().sha(script), RScript.ReturnType.MULTI, withRequest, argv.toArray());
  }

  @Test
  void aReSentClaimIsReplayedWithTheSagasContext() {
    tracedSaga("s", CONTEXT);
    String entry = readyHead("s");
    String request = RequestIds.keyInSlotOf(keys.sagaKey("s"));
    Object[] args = {"A", entry, "a", "node-1", NOW.toEpochMilli(), LEASE_MS};

    Reply.Claimed first = assertInstanceOf(Reply.Claimed.class, Reply.decode(call(Script.CLAIM, "s", request, args)));
    Reply.Claimed again = assertInstanceOf(Reply.Claimed.class, Reply.decode(call(Script.CLAIM, "s", request, args)));

    assertEquals(first, again, "the re-sent claim gets the first reply, context included");
    assertEquals(CONTEXT, snapshots.context(again.granted().stepJson()));
  }

  /** The arguments of finishing step a with {@code token}, then claiming b for node-1. */
  private static Object[] finishAAndClaimB(long token) {
    // No other saga's step to claim after it ('' for its saga, worker, entry and step), then the node's workers.
    return new Object[] {"a", token, "1", "\"done\"", "node-1", NOW.toEpochMilli(), LEASE_MS, 1, "", "", "", "", "B"};
  }

  /** A traced saga's step a finished (claiming b) by one request sent twice: the first reply, then the re-sent one's. */
  private List<List<Object>> finishSentTwice() {
    SagaStore store = tracedSaga("s", CONTEXT);
    Claim a = store.claimNext("A", "node-1", NOW, Duration.ofMillis(LEASE_MS)).orElseThrow();
    String request = RequestIds.keyInSlotOf(keys.sagaKey("s"));
    Object[] args = finishAAndClaimB(a.lease().token());
    return List.of(call(Script.FINISH, "s", request, args), call(Script.FINISH, "s", request, args));
  }

  @Test
  void aReSentFinishThatClaimedAnotherSagasStepAfterItIsReplayedAndClaimsItOnce() {
    SagaStore store = tracedSaga("s", CONTEXT);
    // Another saga in the same partition (a call touches one slot), its step a queued for worker A after s's.
    String other = "t";
    for (int i = 0; keys.partitionOf(other) != keys.partitionOf("s"); i++) {
      other = "t" + i;
    }
    tracedSaga(other, Map.of());
    Claim a = store.claimNext("A", "node-1", NOW, Duration.ofMillis(LEASE_MS)).orElseThrow();
    String entry = readyHead("s");
    String request = RequestIds.keyInSlotOf(keys.sagaKey("s"));
    // Finishing s's a makes b ready for worker B, which node-1 lacks: nothing else is claimed.
    Object[] args = {"a", a.lease().token(), "1", "\"done\"", "node-1", NOW.toEpochMilli(), LEASE_MS, 1, other, "A",
        entry, "a", "A"};
    List<Object> otherKeys = List.of(keys.sagaKey(other), keys.historyKey(other));

    Reply.Applied first = assertInstanceOf(Reply.Applied.class,
        Reply.decode(call(Script.FINISH, "s", request, otherKeys, args)));
    Reply.Applied again = assertInstanceOf(Reply.Applied.class,
        Reply.decode(call(Script.FINISH, "s", request, otherKeys, args)));

    Reply.Claimed claimed = assertInstanceOf(Reply.Claimed.class, first.claimAfter().orElseThrow());
    assertEquals(entry, claimed.claimed().raw());
    assertEquals(List.of(), first.claims(), "the other saga's grant is the claim's, not the change's");
    assertEquals(first, again, "the re-sent call gets the first reply, the claim after it included");
    var step = store.load(other).orElseThrow().step("a").orElseThrow();
    assertEquals(1, step.attempt(), "claimed once");
    assertEquals("node-1", step.lease().orElseThrow().owner());
  }

  @Test
  void aReSentFinishAndClaimIsReplayedWithTheSagasContext() {
    List<List<Object>> replies = finishSentTwice();

    Reply.Applied first = assertInstanceOf(Reply.Applied.class, Reply.decode(replies.get(0)));
    Reply.Applied again = assertInstanceOf(Reply.Applied.class, Reply.decode(replies.get(1)));

    assertEquals(1, again.claims().size(), "b was claimed by the finish");
    assertEquals(first.claims(), again.claims());
    assertEquals(CONTEXT, snapshots.context(again.claims().get(0).stepJson()));
  }

  @Test
  void aReSentCallGetsTheVeryReplyItGotFirst() {
    List<List<Object>> replies = finishSentTwice();
    List<Object> first = replies.get(0);
    List<Object> again = replies.get(1);

    assertEquals(first, again, "the same values, in the same order");
    assertInstanceOf(Long.class, again.get(1), "the message number is still a number");
    assertInstanceOf(Long.class, again.get(3), "the count of ready steps is still a number");
  }

  @Test
  void aReSentRejectedCallIsRejectedAgainTheSameWay() {
    String request = RequestIds.keyInSlotOf(keys.sagaKey("none"));
    Object[] args = finishAAndClaimB(1);

    List<Object> first = call(Script.FINISH, "none", request, args);
    List<Object> again = call(Script.FINISH, "none", request, args);

    assertEquals(List.of(3L, "NO_SUCH_SAGA"), first);
    assertEquals(first, again);
  }

  @Test
  void aReSentClaimOfASagaWithoutContextHasNone() {
    tracedSaga("plain", Map.of());
    String entry = readyHead("plain");
    String request = RequestIds.keyInSlotOf(keys.sagaKey("plain"));
    Object[] args = {"A", entry, "a", "node-1", NOW.toEpochMilli(), LEASE_MS};

    call(Script.CLAIM, "plain", request, args);
    Reply.Claimed again = assertInstanceOf(Reply.Claimed.class, Reply.decode(call(Script.CLAIM, "plain", request, args)));

    assertEquals(Map.of(), snapshots.context(again.granted().stepJson()));
  }

  @Test
  void aThreadKeepsOnlyItsLastReplyInAPartitionUnderOneKey() {
    tracedSaga("s", CONTEXT);
    String entry = readyHead("s");
    String finish = RequestIds.keyInSlotOf(keys.sagaKey("s"));
    String claim = RequestIds.keyInSlotOf(keys.sagaKey("s"));
    call(Script.FINISH, "s", finish, finishAAndClaimB(99));
    call(Script.CLAIM, "s", claim, "A", entry, "a", "node-1", NOW.toEpochMilli(), LEASE_MS);

    assertEquals(keptAt(finish), keptAt(claim), "one key for the thread's requests in the partition");
    List<String> kept = REDIS.client().getKeys().getKeysStreamByPattern(keptAt(claim) + "*").toList();
    assertEquals(List.of(keptAt(claim)), kept, "no key a request");
    String value = REDIS.client().<String>getBucket(keptAt(claim), StringCodec.INSTANCE).get();
    assertTrue(value.startsWith(number(claim) + " "),
        "the kept reply is the last request's: " + value);
  }

  @Test
  void aLateCopyOfARequestItsThreadSentBeforeItsLastIsRefusedAndChangesNothing() {
    SagaStore store = tracedSaga("s", CONTEXT);
    String entry = readyHead("s");
    String first = RequestIds.keyInSlotOf(keys.sagaKey("s"));
    String second = RequestIds.keyInSlotOf(keys.sagaKey("s"));
    // The thread gave up on its first request (say it timed out unsent) and made a second, which was applied.
    assertInstanceOf(Reply.Stale.class,
        Reply.decode(call(Script.FINISH, "s", second, finishAAndClaimB(99))), "no attempt of a holds token 99");

    RedisException refused = assertThrows(RedisException.class,
        () -> call(Script.CLAIM, "s", first, "A", entry, "a", "node-1", NOW.toEpochMilli(), LEASE_MS));

    assertTrue(refused.getMessage().contains("came after its thread's request"), refused.getMessage());
    assertEquals(0, store.load("s").orElseThrow().step("a").orElseThrow().attempt(), "a was not claimed");
  }

  @Test
  void aRequestKeyWithoutItsNumberIsRefusedWithAClearErrorAndChangesNothing() {
    SagaStore store = tracedSaga("s", CONTEXT);
    String entry = readyHead("s");
    // The thread's part of a key ends in digits too: the number's place holds a word instead.
    String noNumber = keptAt(RequestIds.keyInSlotOf(keys.sagaKey("s"))) + ":next";

    RedisException refused = assertThrows(RedisException.class,
        () -> call(Script.CLAIM, "s", noNumber, "A", entry, "a", "node-1", NOW.toEpochMilli(), LEASE_MS));

    assertTrue(refused.getMessage().contains("BROKKR request key " + noNumber + " lacks its number"),
        refused.getMessage());
    assertEquals(0, store.load("s").orElseThrow().step("a").orElseThrow().attempt(), "a was not claimed");
  }
}
