package io.brokkr.kafka.internal;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Carries the W3C trace context through the envelope where OpenTelemetry's API is on the class path
 * (it is an optional dependency); otherwise there is none and the fields are left out.
 */
public interface Tracing {

  /** The current context as W3C fields ({@code traceparent}, {@code tracestate}); empty when there is none. */
  Map<String, String> current();

  /** Runs {@code work} with the context of {@code fields} current, as a remote parent. */
  <T> T within(Map<String, String> fields, Callable<T> work) throws Exception;

  /** OpenTelemetry's propagation when its API is present, else nothing. */
  static Tracing detect() {
    try {
      Class.forName("io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator", false,
          Tracing.class.getClassLoader());
      return new OpenTelemetryTracing();
    } catch (ClassNotFoundException | LinkageError e) {
      return new NoTracing();
    }
  }

  /** No tracing: nothing to carry. */
  final class NoTracing implements Tracing {
    @Override
    public Map<String, String> current() {
      return Map.of();
    }

    @Override
    public <T> T within(Map<String, String> fields, Callable<T> work) throws Exception {
      return work.call();
    }
  }
}
