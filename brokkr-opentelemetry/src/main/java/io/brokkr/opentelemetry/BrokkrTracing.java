package io.brokkr.opentelemetry;

import io.brokkr.runtime.Instrumentation;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
   * The parent this thread extracted last, and from what: the steps of a saga tend to run one after
   * the other on one thread (a finishing attempt claims the next), so most attempts reuse it.
   */
  private final ThreadLocal<Parent> lastParent = ThreadLocal.withInitial(() -> Parent.NONE);
  /** Span names by saga name or worker: made once each, not per span. */
  private final Map<String, String> sagaSpanNames = new ConcurrentHashMap<>();
  private final Map<String, String> stepSpanNames = new ConcurrentHashMap<>();

  private BrokkrTracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(SCOPE_NAME);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
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
    String name = saga.name().orElse("(unnamed)");
    String spanName = sagaSpanNames.get(name);
    if (spanName == null) {
      spanName = sagaSpanNames.computeIfAbsent(name, n -> "saga " + n);
    }
    Span span = tracer.spanBuilder(spanName).setSpanKind(SpanKind.PRODUCER)
        .setAttribute(NAMESPACE, saga.namespace()).setAttribute(SAGA_ID, saga.sagaId()).startSpan();
    saga.name().ifPresent(n -> span.setAttribute(SAGA_NAME, n));
    Context context = Context.current().with(span);
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(context, carrier, (map, key, value) -> {
      if (map != null) {
        map.put(key, value);
      }
    });
    return new SpanScope(span, context, Map.copyOf(carrier), false);
  }

  @Override
  public Scope attemptStarting(AttemptInfo attempt) {
    // The stored context is the parent, whatever the thread had: the attempt belongs to its saga's trace.
    Context parent = parentOf(attempt.traceContext());
    String spanName = stepSpanNames.get(attempt.worker());
    if (spanName == null) {
      spanName = stepSpanNames.computeIfAbsent(attempt.worker(), w -> "step " + w);
    }
    Span span = tracer.spanBuilder(spanName).setParent(parent).setSpanKind(SpanKind.CONSUMER)
        .setAttribute(NAMESPACE, attempt.namespace()).setAttribute(SAGA_ID, attempt.sagaId())
        .setAttribute(STEP_ID, attempt.stepId()).setAttribute(ATTEMPT, (long) attempt.attempt())
        .setAttribute(WORKER, attempt.worker()).startSpan();
    attempt.compensates().ifPresent(c -> span.setAttribute(COMPENSATES, c));
    return new SpanScope(span, parent.with(span), Map.of(), true);
  }

  /** The context stored as {@code carrier}, extracted, or reused when this thread extracted it last. */
  private Context parentOf(Map<String, String> carrier) {
    Parent last = lastParent.get();
    if (last.carrier == carrier || last.carrier.equals(carrier)) {
      return last.context;
    }
    Context parent = propagator.extract(Context.root(), carrier, FROM_MAP);
    lastParent.set(new Parent(carrier, parent));
    return parent;
  }

  /** A context and the carrier it was extracted from (an empty carrier yields the root context). */
  private record Parent(Map<String, String> carrier, Context context) {
    static final Parent NONE = new Parent(Map.of(), Context.root());
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
