package io.brokkr.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.Worker;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.brokkr.runtime.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Two nodes on one store, each with its own OpenTelemetry (as two processes would have): node A
 * starts a saga inside a request's span, node B runs its steps. B's step spans are children of the
 * saga span that A made, in the request's trace.
 */
class BrokkrTracingTest {
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), 1.0, Duration.ofMillis(10));

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final OpenTelemetrySdk processA = sdk("node-a");
  private final OpenTelemetrySdk processB = sdk("node-b");
  private final InMemoryBackend backend = InMemoryBackend.create();

  private OpenTelemetrySdk sdk(String service) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"),
                service)))).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  @AfterEach
  void close() {
    processA.close();
    processB.close();
  }

  private Brokkr node(String id, OpenTelemetrySdk otel) {
    return Brokkr.builder().namespace("traced").nodeId(id).defaultRetryPolicy(ONCE)
        .instrumentation(BrokkrTracing.of(otel)).build(backend);
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " among " + spans.stream().map(SpanData::getName).toList()));
  }

  @Test
  void theStepsRunOnNodeBAreChildrenOfTheSagaStartedOnNodeA() throws Exception {
    Map<String, Map<String, String>> mdcSeen = new ConcurrentHashMap<>();
    try (Brokkr a = node("node-a", processA); Brokkr b = node("node-b", processB)) {
      b.registerWorkers(
          Worker.sync("Reserve", inv -> {
            mdcSeen.put("Reserve", MDC.getCopyOfContextMap());
            return "reserved";
          }),
          Worker.sync("Release", inv -> "released"),
          Worker.sync("Charge", inv -> {
            throw new IllegalStateException("card declined");
          }));
      Span request = processA.getTracer("test").spanBuilder("request").startSpan();
      Saga saga;
      try (Scope scope = request.makeCurrent()) {
        saga = a.createSaga("order");
      } finally {
        request.end();
      }
      SagaStep reserve = saga.addStep("Reserve", List.of());
      reserve.compensateWith("Release", List.of());
      SagaStep charge = saga.addStep("Charge", List.of(), List.of(reserve.getId()));
      saga.start();
      assertEquals(SagaStatus.COMPENSATED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());

      List<SpanData> spans = awaitSpans(5);
      String traceId = request.getSpanContext().getTraceId();
      spans.forEach(s -> assertEquals(traceId, s.getTraceId(), s.getName() + " is in the request's trace"));
      SpanData sagaSpan = named(spans, "saga order");
      assertEquals(request.getSpanContext().getSpanId(), sagaSpan.getParentSpanId());
      assertEquals(saga.getId(), sagaSpan.getAttributes().get(AttributeKey.stringKey("brokkr.saga.id")));

      SpanData reserveSpan = named(spans, "step Reserve");
      assertEquals(sagaSpan.getSpanId(), reserveSpan.getParentSpanId(), "a child of the saga span made on node A");
      assertEquals(reserve.getId(), reserveSpan.getAttributes().get(AttributeKey.stringKey("brokkr.step.id")));
      assertEquals(1L, reserveSpan.getAttributes().get(AttributeKey.longKey("brokkr.attempt")));
      assertEquals("Reserve", reserveSpan.getAttributes().get(AttributeKey.stringKey("brokkr.worker")));
      assertEquals("traced", reserveSpan.getAttributes().get(AttributeKey.stringKey("brokkr.namespace")));

      SpanData chargeSpan = named(spans, "step Charge");
      assertEquals(sagaSpan.getSpanId(), chargeSpan.getParentSpanId());
      assertEquals(StatusCode.ERROR, chargeSpan.getStatus().getStatusCode());
      assertTrue(chargeSpan.getEvents().stream().anyMatch(e -> e.getName().equals("exception")),
          "the failed attempt records its exception");
      assertEquals(charge.getId(), chargeSpan.getAttributes().get(AttributeKey.stringKey("brokkr.step.id")));

      SpanData releaseSpan = named(spans, "step Release");
      assertEquals(sagaSpan.getSpanId(), releaseSpan.getParentSpanId(), "compensators too");
      assertEquals(reserve.getId(), releaseSpan.getAttributes().get(AttributeKey.stringKey("brokkr.compensates")));

      // One connected trace across the two nodes, as a trace viewer draws it (the README shows it).
      String tree = SpanTree.render(spans);
      System.out.print(tree);
      assertEquals(String.join("\n",
          "request                    [node-a]",
          "└── saga order             [node-a]",
          "    ├── step Reserve       [node-b] attempt 1",
          "    ├── step Charge        [node-b] attempt 1, ERROR IllegalStateException",
          "    └── step Release       [node-b] attempt 1, compensates",
          ""), tree);

      Map<String, String> mdc = mdcSeen.get("Reserve");
      assertEquals(reserveSpan.getTraceId(), mdc.get(BrokkrTracing.TRACE_ID));
      assertEquals(reserveSpan.getSpanId(), mdc.get(BrokkrTracing.SPAN_ID));
      assertEquals(saga.getId(), mdc.get("brokkr.sagaId"));
      assertEquals(reserve.getId(), mdc.get("brokkr.stepId"));
      assertEquals("Reserve", mdc.get("brokkr.worker"));
    }
  }

  @Test
  void aSagaStartedOutsideAnySpanStartsItsOwnTrace() throws Exception {
    try (Brokkr a = node("node-a", processA); Brokkr b = node("node-b", processB)) {
      b.registerWorker(Worker.sync("Forge", inv -> Span.current().getSpanContext().getTraceId()));
      Saga saga = a.createSaga();
      SagaStep forge = saga.addStep("Forge", List.of());
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
      List<SpanData> spans = awaitSpans(2);
      SpanData sagaSpan = named(spans, "saga (unnamed)");
      SpanData step = named(spans, "step Forge");
      assertEquals(sagaSpan.getSpanId(), step.getParentSpanId());
      assertEquals(step.getTraceId(), saga.getStep(forge.getId()).orElseThrow().getResult(String.class).orElseThrow(),
          "the step's span is current in the worker");
    }
  }

  private List<SpanData> awaitSpans(int count) {
    Eventually.until(count + " spans ended", () -> exporter.getFinishedSpanItems().size() >= count);
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertEquals(count, spans.size(), "spans: " + spans.stream().map(SpanData::getName).toList());
    return spans;
  }
}
