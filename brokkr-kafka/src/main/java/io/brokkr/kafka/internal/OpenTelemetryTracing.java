package io.brokkr.kafka.internal;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * W3C propagation of OpenTelemetry's current context. The W3C propagator is used directly, not the
 * global one: the envelope's fields are W3C's whatever else the application propagates.
 */
final class OpenTelemetryTracing implements Tracing {
  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;
  private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  @Override
  public Map<String, String> current() {
    Map<String, String> fields = new LinkedHashMap<>();
    W3CTraceContextPropagator.getInstance().inject(Context.current(), fields, SETTER);
    return fields;
  }

  @Override
  public <T> T within(Map<String, String> fields, Callable<T> work) throws Exception {
    if (fields.isEmpty()) {
      return work.call();
    }
    Context context = W3CTraceContextPropagator.getInstance().extract(Context.current(), fields, GETTER);
    try (Scope scope = context.makeCurrent()) {
      return work.call();
    }
  }
}
