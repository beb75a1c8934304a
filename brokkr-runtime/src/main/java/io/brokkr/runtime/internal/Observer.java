package io.brokkr.runtime.internal;

import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.Instrumentation.AttemptOutcome;
import io.brokkr.runtime.Instrumentation.Scope;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.StoreEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the node's instrumentation what happens, once, where it happens. Without instrumentation
 * every method returns at its first test: no allocation, no clock read. Durations are measured with
 * {@link System#nanoTime()}; only a queue wait, which starts on another node, compares times of the
 * store and of the node's clock.
 */
final class Observer {
  private static final Logger LOG = LoggerFactory.getLogger(Observer.class);
  /** Sagas this node started and waits to see settle; past this many it tracks no more. */
  static final int MAX_TRACKED = 100_000;

  private final Instrumentation instrumentation;
  private final String namespace;
  private final boolean on;
  /** The sagas this node created, until they settle: their name and when they started (0 before). */
  private final Map<String, Tracked> sagas = new ConcurrentHashMap<>();
  private final AtomicBoolean fullLogged = new AtomicBoolean();

  private static final class Tracked {
    final Optional<String> name;
    volatile long startedAt;

    Tracked(Optional<String> name) {
      this.name = name;
    }
  }

  Observer(Instrumentation instrumentation, String namespace) {
    this.instrumentation = instrumentation;
    this.namespace = namespace;
    this.on = instrumentation != Instrumentation.NONE;
  }

  boolean on() {
    return on;
  }

  Instrumentation instrumentation() {
    return instrumentation;
  }

  /** A saga is being created here: the scope of its creation, whose context is stored with it. */
  Scope creating(String sagaId, Optional<String> name) {
    if (!on) {
      return Scope.NONE;
    }
    if (sagas.size() < MAX_TRACKED) {
      sagas.put(sagaId, new Tracked(name));
    } else if (!fullLogged.getAndSet(true)) {
      LOG.warn("this node tracks {} unsettled sagas for brokkr.sagas.settled already; it does not track more",
          MAX_TRACKED);
    }
    return instrumentation.sagaCreating(new Instrumentation.SagaInfo(namespace, sagaId, name));
  }

  /** A saga could not be created: forget it. */
  void notCreated(String sagaId) {
    if (on) {
      sagas.remove(sagaId);
    }
  }

  /** A saga created here started. */
  void started(String sagaId) {
    if (!on) {
      return;
    }
    Tracked tracked = sagas.get(sagaId);
    if (tracked != null) {
      tracked.startedAt = System.nanoTime();
      instrumentation.sagaStarted(namespace, tracked.name);
    }
  }

  /** A saga moved: one that this node started and that settled is reported. */
  void moved(StoreEvent.SagaMoved moved) {
    if (!on || !moved.to().isSettled()) {
      return;
    }
    Tracked tracked = sagas.remove(moved.sagaId());
    if (tracked != null && tracked.startedAt != 0) {
      instrumentation.sagaSettled(namespace, tracked.name, moved.to(),
          Duration.ofNanos(System.nanoTime() - tracked.startedAt));
    }
  }

  /** The scope of an attempt's body, opened on its thread. */
  Scope attempt(Attempt attempt) {
    if (!on) {
      return Scope.NONE;
    }
    Claim claim = attempt.claim;
    return instrumentation.attemptStarting(new Instrumentation.AttemptInfo(namespace, claim.step().sagaId(),
        claim.step().stepId(), attempt.worker.name(), claim.step().attempt(), claim.step().compensates(),
        claim.traceContext()));
  }

  /** This node claimed {@code claim} at {@code now}. */
  void claimed(Claim claim, Instant now) {
    if (!on) {
      return;
    }
    Duration waited = claim.readyAt().map(at -> Duration.between(at, now)).filter(d -> !d.isNegative())
        .orElse(Duration.ZERO);
    instrumentation.queueWait(namespace, claim.step().spec().workerName(), waited);
  }

  /** The attempt ended so; {@code change} is the store's answer to its report, when it made one. */
  void ended(Attempt attempt, AttemptOutcome outcome, Optional<Change> change) {
    if (!on) {
      return;
    }
    String worker = attempt.worker.name();
    AttemptOutcome reported = attempt.lost() && outcome != AttemptOutcome.TIMED_OUT ? AttemptOutcome.LOST : outcome;
    instrumentation.attemptEnded(namespace, worker, reported, attempt.runningFor());
    if (attempt.claim.step().isCompensator() && change.filter(Change::applied).isPresent()
        && change.get().retryAt().isEmpty()) {
      if (outcome == AttemptOutcome.FINISHED) {
        instrumentation.compensationEnded(namespace, worker, true);
      } else if (outcome == AttemptOutcome.FAILED || outcome == AttemptOutcome.TIMED_OUT) {
        instrumentation.compensationEnded(namespace, worker, false);
      }
    }
  }

  /** This node learnt that the lease of {@code attempt} expired. */
  void leaseExpired(Attempt attempt) {
    if (on) {
      instrumentation.leaseExpired(namespace, attempt.worker.name());
    }
  }
}
