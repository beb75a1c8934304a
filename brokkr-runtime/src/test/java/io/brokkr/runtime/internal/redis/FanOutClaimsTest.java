package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplateBuilder;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node with free threads runs a fan-out's leaves without a claim call of its own: the root's
 * completion claims them all, one for each free thread, and the last leaf's claims the join; and
 * the threads a completion reserved for its claims are free again for the next start. A busy node's
 * completion takes the next queued saga's step in its call.
 */
class FanOutClaimsTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private static final int LEAVES = 5;

  @Test
  void theRootsCompletionClaimsEveryLeafForTheNodesFreeThreads() throws Exception {
    StepTemplateBuilder template = SagaTemplate.named("FanOut").step("root").worker("Root");
    for (int i = 0; i < LEAVES; i++) {
      template = template.step("leaf" + i).worker("Leaf").dependsOn("root");
    }
    String[] leaves = new String[LEAVES];
    for (int i = 0; i < LEAVES; i++) {
      leaves[i] = "leaf" + i;
    }
    SagaTemplate fanOut = template.step("join").worker("Join").dependsOn(leaves).build();
    RequestCounts calls = new RequestCounts();
    try (Brokkr brokkr = Brokkr.builder().namespace("fan-" + UUID.randomUUID())
        .build(RedisBackend.on(REDIS.client(), RedisOptions.defaults().withCallListener(calls)))) {
      brokkr.registerWorkers(Worker.sync("Root", inv -> 1), Worker.sync("Leaf", inv -> 2), Worker.sync("Join", inv -> 3));
      assertEquals(SagaStatus.FINISHED, brokkr.start(fanOut, Map.of()).outcome().get(30, TimeUnit.SECONDS).status());
    }
    Map<String, Long> counts = calls.snapshot();
    assertEquals(1L, counts.get("create_start"), "calls: " + counts);
    assertEquals(LEAVES + 2L, counts.get("finish"), "calls: " + counts);
    assertEquals(0L, counts.getOrDefault("claim", 0L), "calls: " + counts);
  }

  @Test
  void sagasStartedOneAfterAnotherClaimTheirFirstStepInTheStart() throws Exception {
    // The completion that settles a saga reserves the node's free threads for what it may claim; it
    // must give them back before the outcome completes, or the next start finds none free.
    SagaTemplate pair = SagaTemplate.named("Pair").step("first").worker("First").step("second").worker("Second")
        .dependsOn("first").build();
    RequestCounts calls = new RequestCounts();
    int sagas = 30;
    try (Brokkr brokkr = Brokkr.builder().namespace("pair-" + UUID.randomUUID())
        .build(RedisBackend.on(REDIS.client(), RedisOptions.defaults().withCallListener(calls)))) {
      brokkr.registerWorkers(Worker.sync("First", inv -> 1), Worker.sync("Second", inv -> 2));
      for (int i = 0; i < sagas; i++) {
        assertEquals(SagaStatus.FINISHED, brokkr.start(pair, Map.of()).outcome().get(30, TimeUnit.SECONDS).status());
      }
    }
    Map<String, Long> counts = calls.snapshot();
    assertEquals((long) sagas, counts.get("create_start"), "calls: " + counts);
    assertEquals(2L * sagas, counts.get("finish"), "calls: " + counts);
    assertEquals(0L, counts.getOrDefault("claim", 0L), "calls: " + counts);
  }

  @Test
  void aBusyNodesCompletionsTakeTheQueuedSagasStepsWithoutAClaimCall() throws Exception {
    SagaTemplate single = SagaTemplate.named("Single").step("only").worker("Only").build();
    RequestCounts calls = new RequestCounts();
    int sagas = 20;
    CountDownLatch queued = new CountDownLatch(1);
    // One partition: every queued step is in the finishing saga's partition, whose keys a finish may name.
    try (Brokkr brokkr = Brokkr.builder().namespace("busy-" + UUID.randomUUID()).concurrency(1)
        .build(RedisBackend.on(REDIS.client(), RedisOptions.defaults().withPartitions(1).withCallListener(calls)))) {
      brokkr.registerWorkers(Worker.sync("Only", inv -> queued.await(30, TimeUnit.SECONDS)));
      List<CompletableFuture<SagaOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < sagas; i++) {
        outcomes.add(brokkr.start(single, Map.of()).outcome());
      }
      queued.countDown(); // the node's one thread ran the first saga's step while the others queued
      for (CompletableFuture<SagaOutcome> outcome : outcomes) {
        assertEquals(SagaStatus.FINISHED, outcome.get(30, TimeUnit.SECONDS).status());
      }
    }
    Map<String, Long> counts = calls.snapshot();
    assertEquals((long) sagas, counts.get("create_start"), "calls: " + counts);
    assertEquals((long) sagas, counts.get("finish"), "calls: " + counts);
    assertEquals(0L, counts.getOrDefault("claim", 0L), "each finish claimed the next saga's step: " + counts);
  }
}
