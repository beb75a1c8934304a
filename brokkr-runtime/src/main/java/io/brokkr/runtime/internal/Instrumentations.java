package io.brokkr.runtime.internal;

import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.SagaStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instrumentations of a node as one: each call goes to each, in the order they were added; one
 * that throws is logged and skipped, so that metrics never break the work they measure.
 */
public final class Instrumentations implements Instrumentation {
  private static final Logger LOG = LoggerFactory.getLogger(Instrumentations.class);

  /** An array, not a list: a loop over it allocates no iterator, on a path taken per store call. */
  private final Instrumentation[] all;

  private Instrumentations(List<Instrumentation> all) {
    this.all = all.toArray(Instrumentation[]::new);
  }

  /** {@link Instrumentation#NONE} for none, else all of them as one (one alone too: it is guarded). */
  public static Instrumentation of(List<Instrumentation> instrumentations) {
    return instrumentations.isEmpty() ? NONE : new Instrumentations(List.copyOf(instrumentations));
  }

  // Each method loops itself: a lambda per call would allocate what it captures, on the hot path.

  @Override
  public Scope sagaCreating(SagaInfo saga) {
    Scope one = Scope.NONE;
    @Nullable List<Scope> more = null;
    for (Instrumentation instrumentation : all) {
      try {
        Scope scope = instrumentation.sagaCreating(saga);
        if (scope != Scope.NONE) {
          if (one == Scope.NONE) {
            one = scope;
          } else {
            more = add(more, one, scope);
          }
        }
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
    return more == null ? one : new Both(more);
  }

  @Override
  public void sagaStarted(String namespace, Optional<String> name) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.sagaStarted(namespace, name);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public void sagaSettled(String namespace, Optional<String> name, SagaStatus status, long durationNanos) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.sagaSettled(namespace, name, status, durationNanos);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public Scope attemptStarting(AttemptInfo attempt) {
    Scope one = Scope.NONE;
    @Nullable List<Scope> more = null;
    for (Instrumentation instrumentation : all) {
      try {
        Scope scope = instrumentation.attemptStarting(attempt);
        if (scope != Scope.NONE) {
          if (one == Scope.NONE) {
            one = scope;
          } else {
            more = add(more, one, scope);
          }
        }
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
    return more == null ? one : new Both(more);
  }

  @Override
  public void queueWait(String namespace, String worker, long waitedNanos) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.queueWait(namespace, worker, waitedNanos);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public void attemptEnded(String namespace, String worker, AttemptOutcome outcome, long durationNanos) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.attemptEnded(namespace, worker, outcome, durationNanos);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public void compensationEnded(String namespace, String worker, boolean compensated) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.compensationEnded(namespace, worker, compensated);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public void leaseExpired(String namespace, String worker) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.leaseExpired(namespace, worker);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public void storeCall(String namespace, String operation, long durationNanos) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.storeCall(namespace, operation, durationNanos);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public void nodeStarted(NodeGauges node) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.nodeStarted(node);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  @Override
  public void nodeClosed(NodeGauges node) {
    for (Instrumentation instrumentation : all) {
      try {
        instrumentation.nodeClosed(node);
      } catch (RuntimeException e) {
        failed(instrumentation, e);
      }
    }
  }

  private static void failed(Instrumentation instrumentation, RuntimeException e) {
    LOG.warn("instrumentation " + instrumentation + " failed", e);
  }

  /** The scopes opened so far, {@code first} among them, with {@code scope}; closed in reverse order. */
  private static List<Scope> add(@Nullable List<Scope> more, Scope first, Scope scope) {
    List<Scope> scopes = more;
    if (scopes == null) {
      scopes = new ArrayList<>(4);
      scopes.add(first);
    }
    scopes.add(scope);
    return scopes;
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
