package io.brokkr.runtime.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;

/** Faults of a real redis-server that sagas must survive, each reproduced as it was reported. */
class RedisFaultsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(4));

  private RedisServer server;
  private RedissonClient client;
  private final String namespace = "faults-" + UUID.randomUUID();

  @BeforeEach
  void startRedis() throws Exception {
    server = RedisServer.start(List.of("--enable-debug-command", "yes"));
    client = Redissons.of(server);
  }

  @AfterEach
  void stopRedis() {
    client.shutdown();
    server.close();
  }

  private Brokkr node(RedissonClient on) {
    return Brokkr.builder().namespace(namespace).defaultRetryPolicy(FAST).drainTimeout(Duration.ofMillis(200)).redis(on);
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  /** Blocks the server for a second, from another connection, as a slow disk or a long command would. */
  private CompletableFuture<String> blockRedis() throws Exception {
    return server.sleep("1", PATIENCE); // the sleep has begun: what is sent now waits past the client's timeout
  }

  /** A client that gives up on a reply after 300 ms and re-sends the command, as Redisson does by default. */
  private RedissonClient impatientClient() {
    Config config = new Config();
    config.useSingleServer().setAddress(server.uri()).setTimeout(300).setRetryAttempts(5).setRetryInterval(100);
    return Redisson.create(config);
  }

  @Test
  void transitionsThatTheClientReSendsApplyOnceAndAnswerTruly() throws Exception {
    RedissonClient impatient = impatientClient();
    try (SagaStore store = RedisBackend.on(impatient).open(namespace)) {
      store.createSaga("s");
      store.addStep("s", new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.addStep("s", new StepSpec("b", "B", List.of("a"), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("s");

      CompletableFuture<String> sleeper = blockRedis();
      Claim claim = store.claimNext("A", "node-1", Instant.now(), Duration.ofSeconds(30)).orElseThrow();
      sleeper.join();
      assertEquals(claim.lease().token(), store.load("s").orElseThrow().step("a").orElseThrow().lease().orElseThrow().token(),
          "the claim the caller got is the one that holds the step");

      sleeper = blockRedis();
      assertTrue(store.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("1")).applied(),
          "the only settler is told that it settled the step");
      sleeper.join();
      assertEquals(StepStatus.FINISHED, store.load("s").orElseThrow().step("a").orElseThrow().status());
      assertEquals(StepStatus.QUEUED, store.load("s").orElseThrow().step("b").orElseThrow().status());
    } finally {
      impatient.shutdown();
    }
  }

  @Test
  void aTemplateStartTheClientReSendsStartsOneSaga() throws Exception {
    RedissonClient impatient = impatientClient();
    try (Brokkr brokkr = node(impatient)) {
      brokkr.registerWorker(Worker.sync("Once", inv -> "done"));
      SagaTemplate once = SagaTemplate.named("Once").step("once").worker("Once").retry(RetryPolicy.NO_RETRY).build();
      CompletableFuture<String> sleeper = blockRedis();
      SagaHandle<StepResults> handle = brokkr.start(once, Map.of());
      sleeper.join();
      assertEquals(SagaStatus.FINISHED, await(handle.outcome()).status());
    } finally {
      impatient.shutdown();
    }
  }

  @Test
  void queuesKeepFlowingAfterRedisLostItsData() throws Exception {
    try (Brokkr brokkr = node(client)) {
      brokkr.registerWorker(Worker.sync("W", inv -> "ok"));
      Saga before = brokkr.createSaga();
      before.addStep("W", List.of());
      before.start();
      assertEquals(SagaStatus.FINISHED, await(before.getOutcome()).status());

      server.command("FLUSHALL"); // as a restart without persistence, or a failover to a lagging replica
      Saga after = brokkr.createSaga();
      after.addStep("W", List.of());
      after.start();
      assertEquals(SagaStatus.FINISHED, await(after.getOutcome()).status(), "new work is claimed after the loss");
    }
  }

  @Test
  void readsSeeTheNodesOwnWritesWhateverTheClientsReadMode() throws Exception {
    try (RedisServer staleReplica = RedisServer.start()) {
      // A replica whose link is down: it never receives the master's writes.
      Config config = new Config();
      config.useMasterSlaveServers().setMasterAddress(server.uri()).addSlaveAddress(staleReplica.uri())
          .setReadMode(ReadMode.SLAVE);
      RedissonClient replicated = Redisson.create(config);
      try (Brokkr brokkr = node(replicated)) {
        Saga saga = brokkr.createSaga();
        SagaStep step = saga.addStep("Remote", List.of());
        saga.start();
        assertTrue(saga.stepFinished(step.getId(), 7));
        for (int i = 0; i < 100; i++) {
          assertEquals(SagaStatus.FINISHED, brokkr.getSaga(saga.getId()).orElseThrow().getStatus());
        }
        assertEquals(7, await(saga.getOutcome()).results().get(step.getId(), Integer.class));
      } finally {
        replicated.shutdown();
      }
    }
  }

  @Test
  void aForgedEventCompletesNoOutcome() throws Exception {
    CountDownLatch forgedSeen = new CountDownLatch(1);
    Brokkr brokkr = Brokkr.builder().namespace(namespace).listener(new SagaListener() {
      @Override
      public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
        if (to == SagaStatus.FINISHED) {
          forgedSeen.countDown();
        }
      }
    }).redis(client);
    try (brokkr) {
      Saga saga = brokkr.createSaga();
      SagaStep step = saga.addStep("Remote", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
      saga.start();
      CompletableFuture<SagaOutcome> outcome = saga.getOutcome();
      client.getTopic("{" + namespace + ":events}:n:forger", org.redisson.client.codec.StringCodec.INSTANCE).publish(
          "{\"s\":\"" + saga.getId() + "\",\"q\":99,\"e\":[[\"S\",\"RUNNING\",\"FINISHED\"]],\"o\":{\"r\":[\""
              + step.getId() + "\",\"\\\"forged\\\"\"]}}");
      assertTrue(forgedSeen.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the node received the forged event");

      assertTrue(saga.stepFailed(step.getId(), "declined"));
      SagaOutcome real = await(outcome);
      assertEquals(SagaStatus.COMPENSATED, real.status(), "the outcome is the stored saga's, not the message's");
    }
  }

  @Test
  void aCallbackThatWaitsForAnotherSagaDelaysNothing() throws Exception {
    try (Brokkr brokkr = node(client)) {
      brokkr.registerWorker(Worker.sync("W", inv -> "ok"));
      SagaTemplate once = SagaTemplate.named("Once").step("once").worker("W").build();
      CompletableFuture<SagaStatus> chained = brokkr.start(once, Map.of()).outcome()
          .thenApply(first -> brokkr.start(once, Map.of()).outcome().join().status());
      assertEquals(SagaStatus.FINISHED, await(chained));
    }
  }

  @Test
  void aListenerThatBlocksDelaysNoLeaseRenewal() throws Exception {
    CountDownLatch unblock = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    Brokkr brokkr = Brokkr.builder().namespace(namespace).defaultRetryPolicy(FAST).leaseDuration(Duration.ofMillis(300))
        .listener(new SagaListener() {
          @Override
          public void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
            try {
              unblock.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }).redis(client);
    try (brokkr; SagaStore view = RedisBackend.on(client).open(namespace)) {
      brokkr.registerWorker(Worker.sync("Slow", inv -> {
        runs.incrementAndGet();
        awaitRenewals(view, inv.sagaId(), inv.stepId(), 3); // only renewals keep it
        return "done";
      }));
      Saga saga = brokkr.createSaga();
      SagaStep step = saga.addStep("Slow", List.of());
      saga.start();
      Eventually.until("the slow step finished", () -> step.getStatus() == StepStatus.FINISHED, PATIENCE);
      unblock.countDown();
      assertEquals(SagaStatus.FINISHED, await(saga.getOutcome()).status());
      assertEquals(1, runs.get(), "the attempt ran once: its lease never expired");
      assertEquals(1, step.getAttempt());
    }
  }

  @Test
  void aRedisThatMayEvictKeysIsRefused() throws Exception {
    try (RedisServer evicting = RedisServer.start(List.of("--maxmemory-policy", "allkeys-lru"))) {
      RedissonClient onEvicting = Redissons.of(evicting);
      try {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
            () -> RedisBackend.on(onEvicting).open(namespace));
        assertTrue(refused.getMessage().contains("maxmemory-policy allkeys-lru"), refused.getMessage());
        assertFalse(evicting.command("EXISTS {" + namespace + ":meta}").contains("1"), "nothing was written");
      } finally {
        onEvicting.shutdown();
      }
    }
  }

  /** Waits until the stored lease of a running step changed {@code renewals} times. */
  private static void awaitRenewals(SagaStore view, String sagaId, String stepId, int renewals) {
    java.util.Set<Instant> seen = new java.util.HashSet<>();
    Eventually.until(renewals + " renewals of the lease", () -> {
      view.load(sagaId).flatMap(saga -> saga.step(stepId)).flatMap(io.brokkr.runtime.spi.StepSnapshot::lease)
          .ifPresent(lease -> seen.add(lease.until()));
      return seen.size() > renewals;
    }, PATIENCE);
  }
}
