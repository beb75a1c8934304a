package io.brokkr.runtime.internal;

import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.SagaStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instrumentations of a node as one: each call goes to each, in the order they were added; one
 * that throws is logged and skipped, so that metrics never break the work they measure.
 */
public final class Instrumentations implements Instrumentation {
  private static final Logger LOG = LoggerFactory.getLogger(Instrumentations.class);

  private final List<Instrumentation> all;

  private Instrumentations(List<Instrumentation> all) {
    this.all = all;
  }

  /** {@link Instrumentation#NONE} for none, else all of them as one (one alone too: it is guarded). */
  public static Instrumentation of(List<Instrumentation> instrumentations) {
    return instrumentations.isEmpty() ? NONE : new Instrumentations(List.copyOf(instrumentations));
  }

  @Override
  public Scope sagaCreating(SagaInfo saga) {
    return scopes(i -> i.sagaCreating(saga));
  }

  @Override
  public void sagaStarted(String namespace, Optional<String> name) {
    each(i -> i.sagaStarted(namespace, name));
  }

  @Override
  public void sagaSettled(String namespace, Optional<String> name, SagaStatus status, Duration duration) {
    each(i -> i.sagaSettled(namespace, name, status, duration));
  }

  @Override
  public Scope attemptStarting(AttemptInfo attempt) {
    return scopes(i -> i.attemptStarting(attempt));
  }

  @Override
  public void queueWait(String namespace, String worker, Duration waited) {
    each(i -> i.queueWait(namespace, worker, waited));
  }

  @Override
  public void attemptEnded(String namespace, String worker, AttemptOutcome outcome, Duration duration) {
    each(i -> i.attemptEnded(namespace, worker, outcome, duration));
  }

  @Override
  public void compensationEnded(String namespace, String worker, boolean compensated) {
    each(i -> i.compensationEnded(namespace, worker, compensated));
  }

  @Override
  public void leaseExpired(String namespace, String worker) {
    each(i -> i.leaseExpired(namespace, worker));
  }

  @Override
  public void storeCall(String namespace, String operation, Duration duration) {
    each(i -> i.storeCall(namespace, operation, duration));
  }

  @Override
  public void nodeStarted(NodeGauges node) {
    each(i -> i.nodeStarted(node));
  }

  @Override
  public void nodeClosed(NodeGauges node) {
    each(i -> i.nodeClosed(node));
  }

  private interface Call {
    void on(Instrumentation instrumentation);
  }

  private void each(Call call) {
    for (Instrumentation instrumentation : all) {
      try {
        call.on(instrumentation);
      } catch (RuntimeException e) {
        LOG.warn("instrumentation " + instrumentation + " failed", e);
      }
    }
  }

  /** The scopes of every instrumentation as one; their contexts merged, closed in reverse order. */
  private Scope scopes(Function<Instrumentation, Scope> open) {
    List<Scope> scopes = new ArrayList<>(all.size());
    for (Instrumentation instrumentation : all) {
      try {
        Scope scope = open.apply(instrumentation);
        if (scope != Scope.NONE) {
          scopes.add(scope);
        }
      } catch (RuntimeException e) {
        LOG.warn("instrumentation " + instrumentation + " failed to open a scope", e);
      }
    }
    return scopes.isEmpty() ? Scope.NONE : scopes.size() == 1 ? scopes.get(0) : new Both(scopes);
  }

  private static final class Both implements Scope {
    private final List<Scope> scopes;

    Both(List<Scope> scopes) {
      this.scopes = scopes;
    }

    @Override
    public Map<String, String> traceContext() {
      Map<String, String> context = new HashMap<>();
      scopes.forEach(s -> context.putAll(s.traceContext()));
      return context;
    }

    @Override
    public void failed(Throwable failure) {
      scopes.forEach(s -> s.failed(failure));
    }

    @Override
    public void close() {
      for (int i = scopes.size() - 1; i >= 0; i--) {
        scopes.get(i).close();
      }
    }
  }
}
