package io.brokkr.runtime.internal;

import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.Instrumentation.AttemptOutcome;
import io.brokkr.runtime.Instrumentation.Scope;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Settling;
import java.time.Clock;
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
 * {@link System#nanoTime()}; a queue wait, which starts on another node, and a saga's duration, from
 * its creation by the store, compare times of the store and of the node's clock.
 */
final class Observer {
  private static final Logger LOG = LoggerFactory.getLogger(Observer.class);
  /** Sagas created here and not started yet that this node remembers; past this many it forgets. */
  static final int MAX_UNSTARTED = 100_000;

  private final Instrumentation instrumentation;
  private final String namespace;
  private final Clock clock;
  private final boolean on;
  /** The names of the sagas created here by createSaga and not started yet, for brokkr.sagas.started. */
  private final Map<String, Optional<String>> unstarted = new ConcurrentHashMap<>();
  private final AtomicBoolean fullLogged = new AtomicBoolean();

  Observer(Instrumentation instrumentation, String namespace, Clock clock) {
    this.instrumentation = instrumentation;
    this.namespace = namespace;
    this.clock = clock;
    this.on = instrumentation != Instrumentation.NONE;
  }

  boolean on() {
    return on;
  }

  Instrumentation instrumentation() {
    return instrumentation;
  }

  /**
   * A saga is being created here: the scope of its creation, whose context is stored with it.
   * {@code startsNow}: it is started in the same call (a template), so its name need not be kept.
   */
  Scope creating(String sagaId, Optional<String> name, boolean startsNow) {
    if (!on) {
      return Scope.NONE;
    }
    if (!startsNow) {
      if (unstarted.size() < MAX_UNSTARTED) {
        unstarted.put(sagaId, name);
      } else if (!fullLogged.getAndSet(true)) {
        LOG.warn("this node keeps {} created and unstarted sagas for brokkr.sagas.started already; it keeps no more",
            MAX_UNSTARTED);
      }
    }
    return instrumentation.sagaCreating(new Instrumentation.SagaInfo(namespace, sagaId, name));
  }

  /** A saga could not be created: forget it. */
  void notCreated(String sagaId) {
    if (on) {
      unstarted.remove(sagaId);
    }
  }

  /** A saga created here by createSaga started. */
  void started(String sagaId) {
    if (on) {
      Optional<String> name = unstarted.remove(sagaId);
      if (name != null) {
        instrumentation.sagaStarted(namespace, name);
      }
    }
  }

  /** A template's saga, created and started here at once, started. */
  void started(Optional<String> name) {
    if (on) {
      instrumentation.sagaStarted(namespace, name);
    }
  }

  /** A call or sweep of this node's store view settled a saga: this node, and no other, reports it. */
  void settled(Settling settling) {
    if (on) {
      long millis = Math.max(0, clock.millis() - settling.createdAt().toEpochMilli());
      instrumentation.sagaSettled(namespace, settling.name(), settling.status(), millis * 1_000_000L);
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
    long waitedNanos = 0;
    if (claim.readyAt().isPresent()) {
      Instant readyAt = claim.readyAt().get();
      long seconds = now.getEpochSecond() - readyAt.getEpochSecond();
      waitedNanos = Math.max(0, seconds * 1_000_000_000L + now.getNano() - readyAt.getNano());
    }
    instrumentation.queueWait(namespace, claim.step().spec().workerName(), waitedNanos);
  }

  /** The attempt ended so; {@code change} is the store's answer to its report, when it made one. */
  void ended(Attempt attempt, AttemptOutcome outcome, Optional<Change> change) {
    if (!on) {
      return;
    }
    String worker = attempt.worker.name();
    AttemptOutcome reported = attempt.lost() && outcome != AttemptOutcome.TIMED_OUT ? AttemptOutcome.LOST : outcome;
    instrumentation.attemptEnded(namespace, worker, reported, attempt.runningNanos());
    if (attempt.claim.step().isCompensator() && change.filter(Change::applied).isPresent()
        && change.get().retryAt().isEmpty()) {
      if (outcome == AttemptOutcome.FINISHED) {
        instrumentation.compensationEnded(namespace, worker, true);
      } else if (outcome == AttemptOutcome.FAILED || outcome == AttemptOutcome.TIMED_OUT) {
        instrumentation.compensationEnded(namespace, worker, false);
      }
    }
  }

  /** This node's store view failed an attempt of {@code workerName} whose lease expired: it took the step over. */
  void leaseExpired(String workerName) {
    if (on) {
      instrumentation.leaseExpired(namespace, workerName);
    }
  }
}
