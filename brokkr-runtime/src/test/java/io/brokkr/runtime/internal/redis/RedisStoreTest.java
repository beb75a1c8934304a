package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.SagaTransition;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StepTransition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/** The Redis store beyond the contract: its keys, retention, scripts and replies, and how it applies the store limits. */
class RedisStoreTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final RetryPolicy TWICE = new RetryPolicy(2, Duration.ofMillis(10), 2.0, Duration.ofMillis(10));

  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private final String namespace = "store-" + UUID.randomUUID();
  private final List<SagaStore> stores = new ArrayList<>();

  @AfterEach
  void closeStores() {
    stores.forEach(SagaStore::close);
  }

  private SagaStore store(RedisOptions options) {
    SagaStore store = RedisBackend.on(REDIS.client(), options).open(namespace);
    stores.add(store);
    return store;
  }

  private SagaStore store() {
    return store(RedisOptions.defaults());
  }

  private KeyLayout keys() {
    return new KeyLayout(namespace, RedisOptions.DEFAULT_PARTITIONS);
  }

  /** A store with saga "s" started: one step "a" of {@code worker}, queued. */
  private SagaStore startedOneStepSaga(String worker, String argsJson) {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a", worker, argsJson));
    store.start("s");
    return store;
  }

  private static StepSpec spec(String id, String worker, String argsJson) {
    return new StepSpec(id, worker, List.of(), argsJson, TWICE, Optional.empty());
  }

  @Test
  void idsThatWouldBreakKeysOrEntriesAreRejectedBeforeAnythingIsWritten() {
    SagaStore store = store();
    assertBadId(() -> store.createSaga("a{b}"), "saga id \"a{b}\"", "contains '{'");
    assertEquals(Optional.empty(), store.load("a{b}"));
    store.createSaga("s");
    SagaSnapshot before = store.load("s").orElseThrow();
    assertBadId(() -> store.addStep("s", spec("x}", "W", "[]")), "step id \"x}\"", "contains '}'");
    assertBadId(() -> store.addStep("s", spec("x", "W\nX", "[]")), "worker name \"W\\u000AX\"", "control character U+000A");
    assertBadId(() -> store.addStep("s", spec("x".repeat(201), "W", "[]")), "step id", "201 characters");
    assertBadId(() -> store.addStep("s", spec("", "W", "[]")), "step id \"\"", "empty");
    assertEquals(before, store.load("s").orElseThrow());
    assertEquals(Optional.empty(), store.claimNext("W\nX", "node", NOW, LEASE), "nothing can be queued for it");

    IllegalArgumentException namespaceError = assertThrows(IllegalArgumentException.class,
        () -> RedisBackend.on(REDIS.client()).open("orders:eu"));
    assertTrue(namespaceError.getMessage().contains("namespace \"orders:eu\""), namespaceError.getMessage());
  }

  private static void assertBadId(Executable call, String... mentions) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String mention : mentions) {
      assertTrue(e.getMessage().contains(mention), "\"" + e.getMessage() + "\" should mention " + mention);
    }
  }

  @Test
  void payloadsOverTheLimitAreRefusedOrFailTheAttempt() {
    SagaStore store = store(RedisOptions.defaults().withPayloadLimit(1024));
    String big = "[\"" + "x".repeat(2000) + "\"]";
    store.createSaga("s");
    SagaSnapshot created = store.load("s").orElseThrow();
    IllegalArgumentException args = assertThrows(IllegalArgumentException.class, () -> store.addStep("s", spec("a", "A", big)));
    assertTrue(args.getMessage().contains("the args of step \"a\" of saga s is 2004 bytes"), args.getMessage());
    assertTrue(args.getMessage().contains("payload limit of 1024 bytes"), args.getMessage());
    assertEquals(created, store.load("s").orElseThrow(), "nothing was written");

    store.addStep("s", spec("a", "A", "[]"));
    store.addStep("s", spec("b", "B", "[]"));
    store.start("s");
    StepRef a = new StepRef("s", "a");
    assertThrows(IllegalArgumentException.class, () -> store.finish(a, Settler.external(), Optional.of(big)));
    assertEquals(StepStatus.QUEUED, store.load("s").orElseThrow().step("a").orElseThrow().status());

    Claim claim = store.claimNext("A", "node", NOW, LEASE).orElseThrow();
    assertTrue(store.finish(a, Settler.attempt(claim.lease().token()), Optional.of(big)).retryAt().isPresent(),
        "the attempt failed and will be retried");
    String reason = store.load("s").orElseThrow().step("a").orElseThrow().failureReason().orElseThrow();
    assertTrue(reason.startsWith("the result of step \"a\" of saga s is 2004 bytes"), reason);

    store.fail(new StepRef("s", "b"), Settler.external(), "y".repeat(5000), NOW);
    String cut = store.load("s").orElseThrow().failure().orElseThrow().reason();
    assertTrue(cut.length() < 1024 && cut.endsWith("(cut to the payload limit)"), cut);
  }

  @Test
  void settledSagasExpireAfterTheRetentionAndRunningOnesDoNot() {
    SagaStore store = store(RedisOptions.defaults().withRetention(Duration.ofMillis(1500)));
    KeyLayout keys = keys();
    store.createSaga("settles");
    store.addStep("settles", spec("a", "A", "[]"));
    assertTrue(ttl(keys.sagaKey("settles")) > 0, "a saga never started expires too");
    store.start("settles");
    store.createSaga("runs");
    store.addStep("runs", spec("a", "A", "[]"));
    store.start("runs");
    assertEquals(-1, ttl(keys.sagaKey("settles")), "a running saga is kept");

    store.finish(new StepRef("settles", "a"), Settler.external(), Optional.empty());
    assertEquals(SagaStatus.FINISHED, store.load("settles").orElseThrow().status());
    assertTrue(ttl(keys.sagaKey("settles")) > 0);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (store.load("settles").isPresent() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }
    assertEquals(Optional.empty(), store.load("settles"), "dropped after the retention");
    assertEquals(SagaStatus.RUNNING, store.load("runs").orElseThrow().status());
    assertEquals(List.of("runs"), store.unfinishedSagas());
  }

  private static long ttl(String key) {
    return REDIS.client().getBucket(key, StringCodec.INSTANCE).remainTimeToLive();
  }

  @Test
  void scriptsLostByTheServerAreLoadedAgain() throws IOException {
    SagaStore store = store();
    store.createSaga("before");
    assertEquals("+OK\r\n", REDIS.redisServer().command("SCRIPT FLUSH"));
    store.createSaga("after");
    assertTrue(store.load("after").isPresent());
  }

  @Test
  void aStoreThatOpensWhereEverythingIsLoadedLoadsNothing() throws IOException {
    try (SagaStore first = RedisBackend.on(REDIS.client()).open(namespace)) {
      first.createSaga("first");
    }
    Map<String, Long> before = HammerFiguresTest.commandStats(REDIS.redisServer());
    store().createSaga("second");
    Map<String, Long> opened = HammerFiguresTest.delta(HammerFiguresTest.commandStats(REDIS.redisServer()), before);
    assertEquals(1L, opened.get("script|exists"), opened.toString());
    assertEquals(0L, opened.getOrDefault("script|load", 0L), opened.toString());
    assertEquals(0L, opened.getOrDefault("function|load", 0L), opened.toString());
  }

  @Test
  void aStoreThatOpensWhereTheScriptsWereLostLoadsThem() throws IOException {
    try (SagaStore first = RedisBackend.on(REDIS.client()).open(namespace)) {
      first.createSaga("first");
    }
    assertEquals("+OK\r\n", REDIS.redisServer().command("SCRIPT FLUSH"));
    Map<String, Long> before = HammerFiguresTest.commandStats(REDIS.redisServer());
    SagaStore store = store();
    Map<String, Long> opened = HammerFiguresTest.delta(HammerFiguresTest.commandStats(REDIS.redisServer()), before);
    assertEquals((long) Script.values().length, opened.get("script|load"), opened.toString());
    assertEquals(0L, opened.getOrDefault("function|load", 0L), "the library was still there: " + opened);
    store.createSaga("after");
    assertTrue(store.load("after").isPresent());
  }

  @Test
  void transitionsAreFunctionsOfALibraryLoadedOnceAndLoadedAgainWhenLost() throws IOException {
    SagaStore store = store();
    String library = "brokkr_" + ScriptRegistry.shared().function(Script.CREATE).split("_")[1];
    assertTrue(REDIS.redisServer().command("FUNCTION LIST LIBRARYNAME " + library).contains(library + "_create"),
        "the library is loaded with its functions");
    long fcalls = HammerFiguresTest.commandStats(REDIS.redisServer()).getOrDefault("fcall", 0L);
    store.createSaga("before");
    assertEquals(fcalls + 1, HammerFiguresTest.commandStats(REDIS.redisServer()).get("fcall"));
    assertEquals("+OK\r\n", REDIS.redisServer().command("FUNCTION FLUSH"));
    store.createSaga("after");
    assertTrue(store.load("after").isPresent());
    assertTrue(REDIS.redisServer().command("FUNCTION LIST LIBRARYNAME " + library).contains(library + "_create"),
        "the library is loaded again");
  }

  @Test
  void withFunctionsOffTheTransitionsAreScripts() throws IOException {
    SagaStore store = store(RedisOptions.defaults().withRedisFunctions(false));
    Map<String, Long> before = HammerFiguresTest.commandStats(REDIS.redisServer());
    store.createSaga("scripted");
    Map<String, Long> after = HammerFiguresTest.commandStats(REDIS.redisServer());
    assertEquals(before.getOrDefault("fcall", 0L), after.getOrDefault("fcall", 0L));
    assertEquals(before.getOrDefault("evalsha", 0L) + 1, after.get("evalsha"));
    assertEquals(SagaStatus.CREATED, store.load("scripted").orElseThrow().status());
  }

  @Test
  void aNodeWithAnotherPartitionCountIsRefused() {
    store();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> RedisBackend.on(REDIS.client(), RedisOptions.defaults().withPartitions(8)).open(namespace));
    assertTrue(e.getMessage().contains("kept in 16 partitions") && e.getMessage().contains("configured with 8"),
        e.getMessage());
  }

  @Test
  void aCompletionWithAStaleTokenGetsItsOwnReplyAndADuplicateAnother() {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a", "A", "[]"));
    store.start("s");
    StepRef a = new StepRef("s", "a");
    Claim first = store.claimNext("A", "node", NOW, LEASE).orElseThrow();
    store.fail(a, Settler.attempt(first.lease().token()), "boom", NOW);
    store.requeue(a);
    Claim second = store.claimNext("A", "node", NOW, LEASE).orElseThrow();

    assertEquals(new Reply.Stale(), finishRaw(a, first.lease().token()));
    assertTrue(finishRaw(a, second.lease().token()) instanceof Reply.Applied);
    assertEquals(new Reply.Noop(), finishRaw(a, second.lease().token()), "the same attempt again: settled already");
    assertEquals(new Reply.Stale(), finishRaw(a, first.lease().token()));
  }

  @Test
  void anAttemptWhoseLeaseExpiredIsFailedByTheSweepAndItsTokenIsStale() {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a", "A", "[]"));
    store.start("s");
    StepRef a = new StepRef("s", "a");
    Claim claim = store.claimNext("A", "node-7", NOW, LEASE).orElseThrow();

    ((RedisSagaStore) store).fireTimer(a, NOW.plus(LEASE).minusMillis(1));
    assertEquals(StepStatus.RUNNING, store.load("s").orElseThrow().step("a").orElseThrow().status(), "not due yet");
    ((RedisSagaStore) store).fireTimer(a, NOW.plus(LEASE));
    var step = store.load("s").orElseThrow().step("a").orElseThrow();
    assertEquals(StepStatus.QUEUED, step.status());
    assertEquals(Optional.of("lease of node node-7 expired"), step.failureReason());
    assertEquals(Optional.of(NOW.plus(LEASE).plus(TWICE.backoffBefore(2))), step.retryAt());
    assertEquals(new Reply.Stale(), finishRaw(a, claim.lease().token()));
  }

  private Reply finishRaw(StepRef step, long token) {
    ScriptRegistry scripts = ScriptRegistry.shared();
    KeyLayout keys = keys();
    List<Object> reply = REDIS.client().getScript(StringCodec.INSTANCE).evalSha(RScript.Mode.READ_WRITE,
        scripts.sha(Script.FINISH), RScript.ReturnType.MULTI, keys.keys(step.sagaId()),
        step.sagaId(), keys.channel(), 60_000, step.stepId(), token, "1", "\"raw\"");
    return Reply.decode(reply);
  }

  @Test
  void theLuaTransitionTablesAreTheJavaOnes() throws Exception {
    String source = ScriptRegistry.shared().source(Script.START);
    String library = source.substring(source.indexOf('\n') + 1, source.indexOf("return run("));
    String json = REDIS.client().getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY,
        library + "return cjson.encode({ STEP_MOVES, SAGA_MOVES })", RScript.ReturnType.VALUE,
        List.of("k1", "k2", "k3", "k4", "k5"), "s", "c", "1");
    JsonNode tables = JsonMapper.builder().build().readTree(json);
    Map<String, String> lua = new TreeMap<>();
    Map<String, String> java = new TreeMap<>();
    // Each table is keyed 'FROM>TO'.
    tables.get(0).properties().forEach(move -> lua.put("step " + move.getKey().replace(">", "->"), move.getValue().asText()));
    tables.get(1).properties().forEach(move -> lua.put("saga " + move.getKey().replace(">", "->"), move.getValue().asText()));
    for (StepTransition t : StepTransition.values()) {
      java.put("step " + t.from() + "->" + t.to(), t.name());
    }
    for (SagaTransition t : SagaTransition.values()) {
      java.put("saga " + t.from() + "->" + t.to(), t.name());
    }
    assertEquals(java, lua);
  }

  @Test
  void aSagaIsOneHashInItsPartitionsSlotAndItsQueueEntriesNameItsWorker() {
    SagaStore store = startedOneStepSaga("Anvil", "[1]");
    KeyLayout keys = keys();
    int p = keys.partitionOf("s");
    assertEquals("{" + namespace + ":" + p + "}:saga:s", keys.sagaKey("s"));
    Map<String, String> hash = REDIS.client().<String, String>getMap(keys.sagaKey("s"), StringCodec.INSTANCE).readAllMap();
    assertEquals("RUNNING", hash.get("status"));
    assertEquals("[1]", hash.get("a:a"));
    List<String> entries = new ArrayList<>(REDIS.client().getLexSortedSet(keys.readyKey(p)).readAll());
    assertEquals(1, entries.size());
    // The entry's sequence number is at least the server's time in microseconds (16 digits).
    assertTrue(entries.get(0).matches("Anvil\n\\d{16}\ns\na"), entries.get(0));
    assertFalse(store.load("s").orElseThrow().step("a").orElseThrow().lease().isPresent());
  }

  @Test
  void aRetryPolicyIsStoredAsTextAndOneStoredAsNumbersBeforeStillRetries() {
    SagaStore store = store();
    KeyLayout keys = keys();
    RetryPolicy policy = new RetryPolicy(2, Duration.ofSeconds(1), 1.5, Duration.ofSeconds(5));
    store.createSaga("s");
    store.addStep("s", new StepSpec("a", "A", List.of(), "[]", policy, Optional.empty()));
    store.start("s");
    var hash = REDIS.client().<String, String>getMap(keys.sagaKey("s"), StringCodec.INSTANCE);
    String state = hash.get("s:a");
    // Text: cjson copies it where it would format a number with printf at every write.
    assertTrue(state.contains("\"r\":[\"2\",\"1000\",\"1.5\",\"5000\"]"), state);
    assertEquals(policy, store.load("s").orElseThrow().step("a").orElseThrow().spec().retry());
    // As an earlier build wrote it.
    hash.put("s:a", state.replace("[\"2\",\"1000\",\"1.5\",\"5000\"]", "[2,1000,\"1.5\",5000]"));
    assertEquals(policy, store.load("s").orElseThrow().step("a").orElseThrow().spec().retry());

    Claim first = store.claimNext("A", "node-1", NOW, LEASE).orElseThrow();
    assertEquals(Optional.of(NOW.plusSeconds(1)),
        store.fail(first.step().ref(), Settler.attempt(first.lease().token()), "boom", NOW).retryAt());
    store.requeue(first.step().ref());
    Claim second = store.claimNext("A", "node-1", NOW, LEASE).orElseThrow();
    assertEquals(Optional.empty(),
        store.fail(second.step().ref(), Settler.attempt(second.lease().token()), "boom", NOW).retryAt(), "no attempt left");
    assertEquals(StepStatus.FAILED, store.load("s").orElseThrow().step("a").orElseThrow().status());
  }

  @Test
  void aHistoryEntryOfAttemptZeroLeavesItsAttemptOutAndReadsAsZero() {
    SagaStore store = startedOneStepSaga("A", "[]");
    KeyLayout keys = keys();
    Claim claim = store.claimNext("A", "node-1", NOW, LEASE).orElseThrow();
    store.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("1"));

    List<String> stored = REDIS.client().<String>getList(keys.historyKey("s"), StringCodec.INSTANCE).readAll();
    // Created, started, queued, settled: attempt 0, written without it (cjson would format the 0 with printf).
    assertEquals(4, stored.stream().filter(entry -> !entry.contains("\"a\":")).count(), stored.toString());
    assertTrue(stored.stream().noneMatch(entry -> entry.contains("\"a\":0")), stored.toString());
    List<Integer> attempts = store.history("s").stream().map(HistoryEntry::attempt).toList();
    // Created, saga started, queued, running, finished, saga finished.
    assertEquals(List.of(0, 0, 0, 1, 1, 0), attempts);
  }
}
