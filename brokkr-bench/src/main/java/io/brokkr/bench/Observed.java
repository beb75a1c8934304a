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
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Collection;

/**
 * Metrics and tracing as an application would turn them on: every meter on a registry, every span
 * (or a tenth of the traces) sampled and batched to an exporter (one that drops them: the network is
 * not what is measured).
 */
final class Observed {
  /** The share of traces the {@code -observed-sampled} peer samples. */
  static final double SAMPLED_RATIO = 0.1;

  private Observed() {}

  /** What a peer turns on. */
  enum Signals {
    /** Nothing: the bare node. */
    NONE(""),
    /** Every meter, no tracing. */
    METRICS("-observed-metrics"),
    /** Every span, no meters. */
    TRACES("-observed-traces"),
    /** Both, as an application with both modules runs, every span sampled. */
    BOTH("-observed"),
    /** Both, a tenth of the sagas' traces sampled (parent-based, by trace id ratio), as a busy service samples. */
    SAMPLED("-observed-sampled");

    private final String suffix;

    Signals(String suffix) {
      this.suffix = suffix;
    }

    /** {@return the suffix of the peer's name: {@code memory} + it} */
    String suffix() {
      return suffix;
    }
  }

  /** {@code builder} with metrics and tracing on when {@code on}; as it is otherwise. */
  static BrokkrBuilder onIf(boolean on, BrokkrBuilder builder) {
    return with(on ? Signals.BOTH : Signals.NONE, builder);
  }

  /** {@code builder} with the {@code signals} on. */
  static BrokkrBuilder with(Signals signals, BrokkrBuilder builder) {
    BrokkrBuilder result = builder;
    if (signals != Signals.NONE && signals != Signals.TRACES) {
      result = result.instrumentation(BrokkrMetrics.of(new SimpleMeterRegistry()));
    }
    if (signals != Signals.NONE && signals != Signals.METRICS) {
      Sampler sampler = signals == Signals.SAMPLED ? Sampler.parentBased(Sampler.traceIdRatioBased(SAMPLED_RATIO))
          : Sampler.parentBased(Sampler.alwaysOn());
      OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().setSampler(sampler)
              .addSpanProcessor(BatchSpanProcessor.builder(new Dropping()).build()).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
      result = result.instrumentation(BrokkrTracing.of(otel));
    }
    return result;
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
