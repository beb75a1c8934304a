package io.brokkr.kafka;

import static io.brokkr.kafka.Bridge.HAMMER;
import static io.brokkr.kafka.Bridge.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.kafka.internal.DeadLetters;
import io.brokkr.kafka.internal.Envelopes;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge on a real broker: one broker for the class, each test in its own namespace and topics. */
class KafkaBridgeTest {
  private static LocalKafkaBroker broker;
  private Bridge bridge;

  @BeforeAll
  static void startBroker() {
    broker = Brokers.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void newBridge() {
    bridge = new Bridge(broker);
  }

  @AfterEach
  void closeBridge() throws Exception {
    bridge.close();
  }

  @Test
  void theHammerSagaRunsItsThreeStepsInThreeServices() {
    Hammers hammers = new Hammers();
    Brokkr node = bridge.node();
    KafkaCoordinator coordinator = bridge.coordinator(node);
    hammers.serve(bridge);

    List<SagaHandle<StepResults>> sagas = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sagas.add(node.start(HAMMER, Map.of("headType", "ThunderBestowed" + i, "handleSize", "short")));
    }
    for (int i = 0; i < sagas.size(); i++) {
      SagaOutcome outcome = await(sagas.get(i).outcome());
      assertEquals(SagaStatus.FINISHED, outcome.status(), outcome.toString());
      assertEquals(new Hammers.Hammer("head-ThunderBestowed" + i, "handle-short"),
          outcome.results().get("hammer", Hammers.Hammer.class));
    }
    assertEquals(10, hammers.hammers.size());
    assertEquals(sagas.get(0).sagaId() + ":head", hammers.heads.stream()
        .filter(key -> key.startsWith(sagas.get(0).sagaId())).findFirst().orElseThrow(), "the step's idempotency key");
    CoordinatorStats stats = coordinator.stats();
    assertEquals(30, stats.published());
    assertEquals(30, stats.settled());
    assertEquals(0, stats.refused() + stats.deadLettered());
  }

  @Test
  void aFailingServiceMakesTheSagaCompensateThroughKafka() {
    Hammers hammers = new Hammers();
    Brokkr node = bridge.node();
    KafkaCoordinator coordinator = bridge.coordinator(node);
    bridge.service("HammerHeadFactory", hammers.head());
    bridge.service("HandleFactory", hammers.handle());
    bridge.service("HammerFactory", call -> {
      throw new IllegalStateException("the anvil cracked");
    });
    bridge.service("HammerHeadDestroyer", hammers.destroyer());

    SagaOutcome outcome = await(node.start(HAMMER, Map.of("headType", "ThunderBestowed", "handleSize", "short"))
        .outcome());

    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals("hammer", outcome.failure().orElseThrow().stepId());
    assertTrue(outcome.failure().orElseThrow().reason().contains("IllegalStateException: the anvil cracked"),
        outcome.failure().orElseThrow().reason());
    assertEquals(List.of("head-ThunderBestowed"), hammers.destroyed, "the head is destroyed once, over Kafka");
    assertEquals(3 + 1 + 1 + 1, coordinator.stats().settled(), "three failed attempts, head, handle, destroyer");
  }

  @Test
  void malformedMessagesGoToTheDeadLetterTopicAndTheConsumersGoOn() throws Exception {
    Hammers hammers = new Hammers();
    Brokkr node = bridge.node();
    KafkaCoordinator coordinator = bridge.coordinator(node);
    hammers.serve(bridge);
    TopicNaming topics = bridge.config.topics();
    bridge.send(topics.requests("HandleFactory"), "k1", "not json".getBytes(StandardCharsets.UTF_8));
    bridge.send(topics.results(), "k2", "{\"version\": 1}".getBytes(StandardCharsets.UTF_8));
    StepRequest request = new StepRequest(1, bridge.namespace, "no-such-saga", "head", "HammerHeadFactory", 1, 1,
        "no-such-saga:head", topics.results(), List.of(), List.of(), false, Map.of());
    Envelopes envelopes = new Envelopes(new com.fasterxml.jackson.databind.ObjectMapper());
    bridge.send(topics.results(), "k3", envelopes.encode(StepResult.answering(request, Optional.empty(),
        Optional.empty(), Map.of())));

    SagaOutcome outcome = await(node.start(HAMMER, Map.of("headType", "ThunderBestowed", "handleSize", "short"))
        .outcome());
    assertEquals(SagaStatus.FINISHED, outcome.status(), "the consumers went on");

    List<String> reasons = bridge.read(topics.deadLetters(), 3).stream().map(KafkaBridgeTest::reason).sorted().toList();
    assertEquals(3, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("malformed request: the value is not JSON"), reasons.toString());
    assertEquals("malformed result: field \"namespace\" is missing or not a non-empty string", reasons.get(1));
    assertEquals("unknown saga no-such-saga in namespace " + bridge.namespace + " (step head)", reasons.get(2));
    assertEquals(2, coordinator.stats().deadLettered());
  }

  private static String reason(ConsumerRecord<String, byte[]> record) {
    return Envelopes.header(record.headers(), DeadLetters.REASON).orElse("(no reason)");
  }
}
