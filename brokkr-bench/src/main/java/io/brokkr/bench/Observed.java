package io.brokkr.bench;

import io.brokkr.micrometer.BrokkrMetrics;
import io.brokkr.opentelemetry.BrokkrTracing;
import io.brokkr.runtime.BrokkrBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * Metrics and tracing as an application would turn them on: every meter on a registry, every span
 * sampled and batched to an exporter (one that drops them: the network is not what is measured).
 */
final class Observed {
  private Observed() {}

  /** {@code builder} with metrics and tracing on when {@code on}; as it is otherwise. */
  static BrokkrBuilder onIf(boolean on, BrokkrBuilder builder) {
    if (!on) {
      return builder;
    }
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new Dropping()).build()).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    return builder.instrumentation(BrokkrMetrics.of(new SimpleMeterRegistry())).instrumentation(BrokkrTracing.of(otel));
  }

  private static final class Dropping implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
