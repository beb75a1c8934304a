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
import io.brokkr.runtime.Saga;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    // The counts follow the settles: the last may come a moment after the saga's outcome.
    Bridge.eventually("30 published and settled", () -> coordinator.stats().published() == 30
        && coordinator.stats().settled() == 30);
    assertEquals(0, coordinator.stats().refused() + coordinator.stats().deadLettered());
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
    Bridge.eventually("three failed attempts, head, handle and destroyer settled",
        () -> coordinator.stats().settled() == 3 + 1 + 1 + 1);
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
    Bridge.eventually("two results dead-lettered", () -> coordinator.stats().deadLettered() == 2);
  }

  @Test
  void aHandlerKilledAfterPublishingGetsTheRequestAgainAndItsDuplicateResultIsRefused() throws Exception {
    Hammers hammers = new Hammers();
    Brokkr node = bridge.node();
    KafkaCoordinator coordinator = bridge.coordinator(node);
    bridge.service("HammerHeadFactory", hammers.head());
    bridge.service("HammerFactory", hammers.hammer());
    Process crashing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-cp", Brokers.childClasspath(), CrashingService.class.getName(),
        broker.bootstrapServers(), bridge.namespace, "HandleFactory")
        .redirectErrorStream(true).redirectOutput(Path.of("target", "crashing-service.out").toFile()).start();
    try {
      SagaHandle<StepResults> saga = node.start(HAMMER, Map.of("headType", "ThunderBestowed", "handleSize", "short"));
      assertTrue(crashing.waitFor(Bridge.PATIENCE.toMillis(), TimeUnit.MILLISECONDS), "the service halted");
      assertEquals(137, crashing.exitValue());
      assertEquals(SagaStatus.FINISHED, await(saga.outcome()).status(), "the result published before the crash settled");

      // Its successor in the same group gets the uncommitted request again, and answers it again.
      bridge.service("HandleFactory", hammers.handle());
      Bridge.eventually("the duplicate result is refused", () -> coordinator.stats().refused() == 1);
      assertEquals(List.of(saga.sagaId() + ":handle"), hammers.handles, "the same idempotency key");
      Bridge.eventually("three settled", () -> coordinator.stats().settled() == 3);
    } finally {
      crashing.destroyForcibly();
    }
  }

  @Test
  void theTraceContinuesThroughTheEnvelope() {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    try (SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()) {
      Tracer tracer = provider.get("test");
      ExecutorService pool = Executors.newFixedThreadPool(4);
      bridge.open(pool::shutdownNow);
      // As the runtime's tracing will: each attempt's body runs in a span of its own.
      Executor stepSpans = task -> pool.execute(() -> {
        Span step = tracer.spanBuilder("step").startSpan();
        try (Scope scope = step.makeCurrent()) {
          task.run();
        } finally {
          step.end();
        }
      });
      Brokkr node = bridge.open(Brokkr.builder().namespace(bridge.namespace).executor(stepSpans).inMemory());
      KafkaCoordinator.start(node, bridge.config).bind("Traced");
      bridge.service("Traced", call -> {
        Span work = tracer.spanBuilder("service work").startSpan();
        work.end();
        return "traced";
      });
      Saga saga = node.createSaga();
      saga.addStep("Traced", List.of());
      saga.start();
      assertEquals(SagaStatus.FINISHED, await(saga.getOutcome()).status());

      SpanData step = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("step")).findFirst()
          .orElseThrow();
      SpanData work = spans.getFinishedSpanItems().stream().filter(s -> s.getName().equals("service work"))
          .findFirst().orElseThrow();
      assertEquals(step.getTraceId(), work.getTraceId(), "the service's span is in the step's trace");
      assertEquals(step.getSpanId(), work.getParentSpanId(), "and a child of the step's span");
      ConsumerRecord<String, byte[]> result = bridge.read(bridge.config.topics().results(), 1).get(0);
      assertTrue(Envelopes.header(result.headers(), "traceparent").orElseThrow().contains(step.getTraceId()),
          "the result carries the trace back");
      assertTrue(new String(result.value(), StandardCharsets.UTF_8).contains("\"traceparent\":\"00-" + step.getTraceId()),
          "in its envelope too");
    }
  }

  private static String reason(ConsumerRecord<String, byte[]> record) {
    return Envelopes.header(record.headers(), DeadLetters.REASON).orElse("(no reason)");
  }
}
