package io.brokkr.opentelemetry;

import io.brokkr.runtime.Instrumentation;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * A node's traces on OpenTelemetry. Creating a saga is a span {@code saga <name>} (a child of the
 * caller's current span); its context, injected with the configured propagators (W3C
 * {@code traceparent} by default), is stored with the saga. Every attempt, compensators included,
 * runs in a span {@code step <worker>} whose parent is that stored context, on whichever node runs
 * it, current on the worker's thread (so the calls the worker makes carry it on) and with
 * {@code trace_id} and {@code span_id} in the MDC. No span stays open while a saga waits.
 *
 * <p>Attributes: {@code brokkr.namespace}, {@code brokkr.saga.id}, {@code brokkr.saga.name},
 * {@code brokkr.step.id}, {@code brokkr.attempt}, {@code brokkr.worker}, {@code brokkr.compensates}.
 * A failed attempt records its exception and the status ERROR.
 */
public final class BrokkrTracing implements Instrumentation {
  /** The MDC key of the current span's trace id while an attempt runs. */
  public static final String TRACE_ID = "trace_id";
  /** The MDC key of the current span's id while an attempt runs. */
  public static final String SPAN_ID = "span_id";
  /** The tracer's instrumentation scope name. */
  public static final String SCOPE_NAME = "io.brokkr";

  static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("brokkr.namespace");
  static final AttributeKey<String> SAGA_ID = AttributeKey.stringKey("brokkr.saga.id");
  static final AttributeKey<String> SAGA_NAME = AttributeKey.stringKey("brokkr.saga.name");
  static final AttributeKey<String> STEP_ID = AttributeKey.stringKey("brokkr.step.id");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("brokkr.attempt");
  static final AttributeKey<String> WORKER = AttributeKey.stringKey("brokkr.worker");
  static final AttributeKey<String> COMPENSATES = AttributeKey.stringKey("brokkr.compensates");

  private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  /**
   * True when the propagator is W3C trace context alone (the SDK's default): then the parent that
   * extracting a carrier made here yields is known when the carrier is made, and is remembered then.
   */
  private final boolean w3cOnly;
  private final Parents parents = new Parents();
  /** Span names by saga name or worker: made once each, not per span. */
  private final Map<String, String> sagaSpanNames = new ConcurrentHashMap<>();
  private final Map<String, String> stepSpanNames = new ConcurrentHashMap<>();

  private BrokkrTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(SCOPE_NAME);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.w3cOnly = propagator == W3CTraceContextPropagator.getInstance();
  }

  /**
   * The traces of the nodes given this instrumentation, on {@code openTelemetry}'s tracer and
   * propagators.
   *
   * @param openTelemetry the application's OpenTelemetry (its SDK, or the agent's global one)
   * @return the instrumentation, to pass to {@code BrokkrBuilder.instrumentation}
   */
  public static BrokkrTracing of(OpenTelemetry openTelemetry) {
    return new BrokkrTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public Scope sagaCreating(SagaInfo saga) {
    Optional<String> name = saga.name();
    String spanName = spanName(sagaSpanNames, "saga ", name.isPresent() ? name.get() : "(unnamed)");
    SpanBuilder builder = tracer.spanBuilder(spanName).setSpanKind(SpanKind.PRODUCER)
        .setAttribute(NAMESPACE, saga.namespace()).setAttribute(SAGA_ID, saga.sagaId());
    if (name.isPresent()) {
      builder.setAttribute(SAGA_NAME, name.get());
    }
    Span span = builder.startSpan();
    Context context = Context.current().with(span);
    Carrier carrier = new Carrier();
    propagator.inject(context, carrier, Carrier::put);
    Map<String, String> stored = carrier.map();
    SpanContext spanContext = span.getSpanContext();
    if (w3cOnly && spanContext.isValid()) {
      // What extracting the stored carrier would give, without parsing it back: the saga's span as a
      // remote parent, in an otherwise empty context.
      parents.remember(stored, Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(
          spanContext.getTraceId(), spanContext.getSpanId(), spanContext.getTraceFlags(), spanContext.getTraceState()))));
    }
    return new SpanScope(span, context, stored, false);
  }

  @Override
  public Scope attemptStarting(AttemptInfo attempt) {
    // The stored context is the parent, whatever the thread had: the attempt belongs to its saga's trace.
    Context parent = parentOf(attempt.traceContext());
    SpanBuilder builder = tracer.spanBuilder(spanName(stepSpanNames, "step ", attempt.worker())).setParent(parent)
        .setSpanKind(SpanKind.CONSUMER)
        .setAttribute(NAMESPACE, attempt.namespace()).setAttribute(SAGA_ID, attempt.sagaId())
        .setAttribute(STEP_ID, attempt.stepId()).setAttribute(ATTEMPT, (long) attempt.attempt())
        .setAttribute(WORKER, attempt.worker());
    Optional<String> compensates = attempt.compensates();
    if (compensates.isPresent()) {
      builder.setAttribute(COMPENSATES, compensates.get());
    }
    Span span = builder.startSpan();
    return new SpanScope(span, parent.with(span), Map.of(), true);
  }

  /** The span name {@code prefix + key}, made once per key. */
  private static String spanName(Map<String, String> names, String prefix, String key) {
    String name = names.get(key);
    return name != null ? name : names.computeIfAbsent(key, k -> prefix + k);
  }

  /** The context stored as {@code carrier}: remembered when made or extracted lately, else extracted. */
  private Context parentOf(Map<String, String> carrier) {
    if (carrier.isEmpty()) {
      return Context.root();
    }
    Context known = parents.of(carrier);
    if (known != null) {
      return known;
    }
    Context parent = propagator.extract(Context.root(), carrier, FROM_MAP);
    parents.remember(carrier, parent);
    return parent;
  }

  /**
   * What the propagator injects: one entry (the W3C {@code traceparent} alone, the common case) kept
   * in two fields, more in a map; the stored map is immutable either way.
   */
  private static final class Carrier {
    private @Nullable String key;
    private @Nullable String value;
    private @Nullable Map<String, String> more;

    static void put(@Nullable Carrier carrier, String key, String value) {
      if (carrier != null) {
        carrier.add(key, value);
      }
    }

    private void add(String k, String v) {
      if (key == null || key.equals(k)) {
        key = k;
        value = v;
        return;
      }
      if (more == null) {
        more = new HashMap<>();
      }
      more.put(k, v);
    }

    Map<String, String> map() {
      if (key == null || value == null) {
        return Map.of();
      }
      if (more == null) {
        return Map.of(key, value);
      }
      Map<String, String> all = new HashMap<>(more);
      all.put(key, value);
      return Map.copyOf(all);
    }
  }

  /** A span made current on this thread until closed; the MDC gets its ids when asked to. */
  private static final class SpanScope implements Scope {
    private final Span span;
    private final Map<String, String> carrier;
    private final io.opentelemetry.context.Scope current;
    private final boolean mdc;
    private final @Nullable String previousTrace;
    private final @Nullable String previousSpan;

    SpanScope(Span span, Context context, Map<String, String> carrier, boolean mdc) {
      this.span = span;
      this.carrier = carrier;
      this.current = context.makeCurrent();
      this.mdc = mdc;
      this.previousTrace = mdc ? MDC.get(TRACE_ID) : null;
      this.previousSpan = mdc ? MDC.get(SPAN_ID) : null;
      if (mdc && span.getSpanContext().isValid()) {
        MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
        MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
      }
    }

    @Override
    public Map<String, String> traceContext() {
      return carrier;
    }

    @Override
    public void failed(Throwable failure) {
      span.recordException(failure);
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }

    @Override
    public void close() {
      if (mdc) {
        restore(TRACE_ID, previousTrace);
        restore(SPAN_ID, previousSpan);
      }
      current.close();
      span.end();
    }

    private static void restore(String key, @Nullable String value) {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    }
  }
}
