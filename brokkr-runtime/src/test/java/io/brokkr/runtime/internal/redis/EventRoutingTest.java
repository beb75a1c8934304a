package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.testing.Eventually;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node receives the events that concern it (issue 18): those of the sagas it created and the
 * ready entries of its workers; every saga's only once it has listeners or waits for a saga of
 * another node. Each node gets its own backend, so that its count of messages is its own.
 */
class EventRoutingTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private final String namespace = "routing-" + UUID.randomUUID();

  private Brokkr node(String id, ReceivedMessages received) {
    return Brokkr.builder().namespace(namespace).nodeId(id)
        .build(RedisBackend.on(REDIS.client(), RedisOptions.defaults().withCallListener(received)));
  }

  private static List<Worker> hammerWorkers() {
    return List.of(
        Worker.sync("Head", inv -> "head"),
        Worker.sync("Handle", inv -> "handle"),
        Worker.sync("Hammer", inv -> inv.dependencyResults().size()));
  }

  private static io.brokkr.dsl.SagaTemplate hammer() {
    return io.brokkr.dsl.SagaTemplate.named("Hammer")
        .step("head").worker("Head")
        .step("handle").worker("Handle")
        .step("hammer").worker("Hammer").dependsOn("head", "handle")
        .build();
  }

  @Test
  void aNodeReceivesNoEventOfSagasAndWorkItHasNothingToDoWith() throws Exception {
    ReceivedMessages busy = new ReceivedMessages();
    ReceivedMessages bystander = new ReceivedMessages();
    try (Brokkr working = node("working", busy); Brokkr idle = node("idle", bystander)) {
      working.registerWorkers(hammerWorkers().toArray(Worker[]::new));
      idle.registerWorker(Worker.sync("Unrelated", inv -> "nothing"));
      List<SagaHandle<StepResults>> handles = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        handles.add(working.start(hammer(), Map.of()));
      }
      for (SagaHandle<StepResults> handle : handles) {
        assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
      }
      assertTrue(busy.total() >= 20, "the working node heard its sagas settle: " + busy.byChannel);
      assertEquals(0, bystander.total(), "the idle node heard: " + bystander.byChannel);
    }
  }

  @Test
  void aNodeThatRunsAWorkerHearsItsReadyStepsAndRunsThemForAnotherNode() throws Exception {
    ReceivedMessages starter = new ReceivedMessages();
    ReceivedMessages runner = new ReceivedMessages();
    try (Brokkr starting = node("starting", starter); Brokkr running = node("running", runner)) {
      starting.registerWorkers(Worker.sync("Head", inv -> "head"), Worker.sync("Handle", inv -> "handle"));
      running.registerWorker(Worker.sync("Hammer", inv -> inv.dependencyResults().size()));
      SagaHandle<StepResults> handle = starting.start(hammer(), Map.of());
      assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
      String hammerChannel = new KeyLayout(namespace, 16).workerChannel("Hammer");
      assertTrue(runner.byChannel.containsKey(hammerChannel), "the hammer's node was woken: " + runner.byChannel);
      assertEquals(Set.of(hammerChannel), runner.byChannel.keySet(), "and heard nothing else");
    }
  }

  /**
   * Two nodes of one worker, one attempt at a time each, on one partition (one queue): each hears of
   * a queued step only when it heads the queue, and runs the steps queued behind it from what its
   * claims' replies tell it. Builds before 2026-12-05 announced every step to both.
   */
  @Test
  void nodesOfAWorkerHearOfAStepOnlyWhenItHeadsTheQueueAndStillRunEveryStep() throws Exception {
    ReceivedMessages first = new ReceivedMessages();
    ReceivedMessages second = new ReceivedMessages();
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    RedisOptions onePartition = RedisOptions.defaults().withPartitions(1);
    try (Brokkr starting = Brokkr.builder().namespace(namespace).nodeId("starting")
            .build(RedisBackend.on(REDIS.client(), onePartition));
        Brokkr a = Brokkr.builder().namespace(namespace).nodeId("a").concurrency(1)
            .build(RedisBackend.on(REDIS.client(), onePartition.withCallListener(first)));
        Brokkr b = Brokkr.builder().namespace(namespace).nodeId("b").concurrency(1)
            .build(RedisBackend.on(REDIS.client(), onePartition.withCallListener(second)))) {
      for (Brokkr node : List.of(a, b)) {
        node.registerWorker(Worker.sync("Slow", inv -> {
          running.countDown();
          assertTrue(release.await(30, TimeUnit.SECONDS));
          return "done";
        }));
      }
      io.brokkr.dsl.SagaTemplate slow = io.brokkr.dsl.SagaTemplate.named("Slow").step("slow").worker("Slow").build();
      List<SagaHandle<StepResults>> handles = new ArrayList<>();
      // Each of the first two steps heads the empty queue, and one of the nodes takes it.
      handles.add(starting.start(slow, Map.of()));
      Eventually.until("a node runs the first step", () -> running.getCount() == 1);
      handles.add(starting.start(slow, Map.of()));
      assertTrue(running.await(30, TimeUnit.SECONDS), "both nodes run a step");
      // With both busy, the third heads the queue again; the ten after it queue behind it.
      for (int i = 0; i < 11; i++) {
        handles.add(starting.start(slow, Map.of()));
      }
      release.countDown();
      for (SagaHandle<StepResults> handle : handles) {
        assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
      }
      String channel = new KeyLayout(namespace, 1).workerChannel("Slow");
      assertEquals(Map.of(channel, 3), counts(first), "the first node heard the steps that headed the queue");
      assertEquals(Map.of(channel, 3), counts(second), "and so did the second");
    }
  }

  private static Map<String, Integer> counts(ReceivedMessages received) {
    Map<String, Integer> counts = new TreeMap<>();
    received.byChannel.forEach((channel, count) -> counts.put(channel, count.get()));
    return counts;
  }

  @Test
  void aNodeWaitingForASagaOfAnotherNodeGetsItsOutcomeAndHearsThatNodesSagasOnly() throws Exception {
    ReceivedMessages heard = new ReceivedMessages();
    try (Brokkr starting = node("starting", new ReceivedMessages()); Brokkr other = node("other", new ReceivedMessages());
        Brokkr waiting = node("waiting", heard)) {
      starting.registerWorkers(hammerWorkers().toArray(Worker[]::new));
      // First, on a node that follows nothing yet, a saga it follows from before it starts: the
      // settling event, not the 10 s recheck, completes it, so following subscribed the node.
      var later = starting.createSaga();
      later.addStep("Head", List.of());
      var followed = waiting.getSaga(later.getId()).orElseThrow().getOutcome();
      later.start();
      assertEquals(SagaStatus.FINISHED, followed.get(5, TimeUnit.SECONDS).status());
      Eventually.until("the waiting node heard the followed saga's messages", () -> heard.total() >= 1);
      assertEquals(1, heard.byChannel.size(), "one inbox, the starting node's: " + heard.byChannel);
      String inbox = heard.byChannel.keySet().iterator().next();
      assertTrue(inbox.startsWith(new KeyLayout(namespace, 16).inboxChannel("")), inbox);

      // A third node's sagas do not reach it.
      int before = heard.total();
      List<SagaHandle<StepResults>> others = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        others.add(other.start(hammer(), Map.of()));
      }
      for (SagaHandle<StepResults> handle : others) {
        assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
      }
      assertEquals(before, heard.total(), "the other node's sagas reached the waiting node: " + heard.byChannel);

      // And a saga already under way.
      SagaHandle<StepResults> handle = starting.start(hammer(), Map.of());
      var outcome = waiting.getSaga(handle.sagaId()).orElseThrow().getOutcome();
      assertEquals(SagaStatus.FINISHED, outcome.get(30, TimeUnit.SECONDS).status());
    }
  }

  @Test
  void aNodeReadingTheOutcomeOfASettledSagaSubscribesToNothing() throws Exception {
    try (Brokkr starting = node("starting", new ReceivedMessages()); Brokkr reading = node("reading", new ReceivedMessages())) {
      starting.registerWorkers(hammerWorkers().toArray(Worker[]::new));
      SagaHandle<StepResults> handle = starting.start(hammer(), Map.of());
      assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
      List<String> before = subscriptions();
      var outcome = reading.getSaga(handle.sagaId()).orElseThrow().getOutcome();
      assertTrue(outcome.isDone(), "a settled saga's outcome is read at once");
      assertEquals(SagaStatus.FINISHED, outcome.join().status());
      assertEquals(before, subscriptions(), "what the server's clients subscribe to (`brokkr show` does this)");
    }
  }

  @Test
  void aNodeFollowingTheSagasOfManyNodesHearsEverySagaPastSixteenInboxes() throws Exception {
    List<Brokkr> creators = new ArrayList<>();
    try (Brokkr waiting = node("waiting", new ReceivedMessages())) {
      for (int n = 0; n <= EventHub.MOST_FOLLOWED; n++) {
        Brokkr creator = node("creator-" + n, new ReceivedMessages());
        creators.add(creator);
        // A step no node runs: the saga stays under way, so waiting for it follows its creator.
        var saga = creator.createSaga();
        saga.addStep("Nobody", List.of());
        saga.start();
        assertTrue(!waiting.getSaga(saga.getId()).orElseThrow().getOutcome().isDone());
        assertEquals(n < EventHub.MOST_FOLLOWED ? ":0" : ":1", patterns(),
            "inboxes followed one by one, then the pattern of every inbox (" + (n + 1) + " creators)");
      }
    } finally {
      creators.forEach(Brokkr::close);
    }
  }

  @Test
  void aNodeFollowingASagaWithoutAnInboxHearsEverySaga() throws Exception {
    try (Brokkr starting = node("starting", new ReceivedMessages()); Brokkr waiting = node("waiting", new ReceivedMessages())) {
      var saga = starting.createSaga();
      saga.addStep("Nobody", List.of());
      saga.start();
      // As a saga written by a build before the inboxes.
      REDIS.redisServer().command("HDEL " + new KeyLayout(namespace, 16).sagaKey(saga.getId()) + " in");
      assertTrue(!waiting.getSaga(saga.getId()).orElseThrow().getOutcome().isDone());
      assertEquals(":1", patterns(), "the pattern of every inbox");
    }
  }

  private static String patterns() throws IOException {
    return REDIS.redisServer().command("PUBSUB NUMPAT").trim();
  }

  /** The server's subscribed channels, sorted, and its number of subscribed patterns. */
  private static List<String> subscriptions() throws IOException {
    List<String> lines = new ArrayList<>(REDIS.redisServer().command("PUBSUB CHANNELS *").lines().sorted().toList());
    lines.add("patterns: " + patterns());
    return lines;
  }

  @Test
  void aNodeWithAListenerSeesEverySagaOfTheNamespace() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    try (Brokkr starting = node("starting", new ReceivedMessages()); Brokkr watching = node("watching", new ReceivedMessages())) {
      watching.addListener(new SagaListener() {
        @Override
        public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
          if (to == SagaStatus.FINISHED) {
            seen.add(sagaId);
          }
        }
      });
      starting.registerWorkers(hammerWorkers().toArray(Worker[]::new));
      SagaHandle<StepResults> handle = starting.start(hammer(), Map.of());
      handle.outcome().get(30, TimeUnit.SECONDS);
      Eventually.until("the watching node saw saga " + handle.sagaId() + " finish", () -> seen.contains(handle.sagaId()));
    }
  }
}
