package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.brokkr.runtime.testing.Eventually;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** With a MeterRegistry and an OpenTelemetry in the context, the node reports its metrics and traces to them. */
@SpringBootTest(classes = TestApplication.class, properties = "brokkr.namespace=observed")
@Import(ObservabilityContextTest.Observability.class)
class ObservabilityContextTest {
  @Autowired Brokkr brokkr;
  @Autowired MeterRegistry registry;
  @Autowired InMemorySpanExporter spans;

  @TestConfiguration
  static class Observability {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    InMemorySpanExporter spanExporter() {
      return InMemorySpanExporter.create();
    }

    @Bean
    OpenTelemetry openTelemetry(InMemorySpanExporter exporter) {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
          .build();
    }
  }

  @Test
  void aSagaIsCountedAndTracedThroughTheContextsRegistryAndOpenTelemetry() throws Exception {
    Saga saga = brokkr.createSaga("shout");
    saga.addStep("Shout", List.of("hammer"));
    saga.start();
    assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(10, TimeUnit.SECONDS).status());

    assertTrue(registry.find("brokkr.sagas.started").counter() != null,
        () -> registry.getMeters().stream().map(m -> m.getId().toString()).toList() + " in " + registry);
    assertEquals(1.0, registry.get("brokkr.sagas.started").tag("saga", "shout").counter().count());
    // The node records the attempt, and ends its span, once the store took its result, which may be after
    // the outcome completed; the meter and the span are told in no set order.
    Eventually.until("the attempt is recorded", () -> attempts() > 0);
    assertEquals(1L, attempts());
    Eventually.until("the step's span ends", () -> spanNames().contains("step Shout"));
    assertTrue(spanNames().contains("saga shout"), spanNames().toString());
  }

  private List<String> spanNames() {
    return spans.getFinishedSpanItems().stream().map(SpanData::getName).toList();
  }

  private long attempts() {
    io.micrometer.core.instrument.Timer timer = registry.find("brokkr.step.attempts").tag("worker", "Shout")
        .tag("outcome", "finished").timer();
    return timer == null ? 0 : timer.count();
  }
}
