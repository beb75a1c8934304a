package io.brokkr.runtime.internal;

import io.brokkr.dsl.Durations;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs claimed attempts on the node's executor and reports how they ended, each report fenced by
 * the attempt's token: a sync body's return value finishes the step, an exception fails the
 * attempt, and an async body leaves the step running (its lease kept) until it is settled from
 * outside or its timeout fires. A timed-out body is interrupted.
 */
final class AttemptRunner {
  private static final System.Logger LOG = System.getLogger(AttemptRunner.class.getName());

  private final SagaStore store;
  private final Json json;
  private final Timers timers;
  private final Leases leases;
  private final Changes changes;
  private final Executor executor;
  private final Function<String, Saga> sagas;
  private volatile boolean closed;

  AttemptRunner(SagaStore store, Json json, Timers timers, Leases leases, Changes changes, Executor executor,
      Function<String, Saga> sagas) {
    this.store = store;
    this.json = json;
    this.timers = timers;
    this.leases = leases;
    this.changes = changes;
    this.executor = executor;
    this.sagas = sagas;
  }

  /** Starts an attempt; {@code releaseThread} runs once its body returned or it never ran. */
  void start(Claim claim, Worker worker, Runnable releaseThread) {
    Attempt attempt = new Attempt(claim, worker, releaseThread);
    leases.hold(attempt);
    FutureTask<Void> task = new FutureTask<>(() -> run(attempt), null) {
      @Override
      protected void done() {
        if (isCancelled() && !attempt.started()) {
          attempt.releaseThread();
        }
      }
    };
    attempt.running(task);
    claim.lease().deadline().ifPresent(d -> attempt.timesOutWith(timers.at(d, () -> timedOut(attempt))));
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // The executor is shutting down; the lease will expire and another attempt will follow.
      leases.drop(attempt);
      attempt.releaseThread();
    }
  }

  void close() {
    closed = true;
  }

  private void run(Attempt attempt) {
    attempt.markStarted();
    boolean keepLease = false;
    try {
      @Nullable Object value = attempt.worker.body().run(new Invocation(attempt.claim, sagas.apply(attempt.ref().sagaId()), json));
      if (attempt.worker.mode() == Worker.Mode.ASYNC) {
        keepLease = true;
      } else {
        finish(attempt, value);
      }
    } catch (Exception e) {
      fail(attempt, e.toString());
    } catch (Error e) {
      fail(attempt, e.toString());
      throw e;
    } finally {
      if (!keepLease) {
        leases.drop(attempt);
      }
      attempt.releaseThread();
    }
  }

  private void finish(Attempt attempt, @Nullable Object value) {
    Optional<String> result;
    try {
      result = Optional.ofNullable(value)
          .map(v -> json.encode(v, () -> "the result of step \"" + attempt.ref().stepId() + "\""));
    } catch (IllegalArgumentException e) {
      fail(attempt, e.getMessage());
      return;
    }
    report(attempt, () -> store.finish(attempt.ref(), attempt.settler(), result));
  }

  private void fail(Attempt attempt, String reason) {
    report(attempt, () -> store.fail(attempt.ref(), attempt.settler(), reason, timers.now()));
  }

  private void timedOut(Attempt attempt) {
    Duration timeout = attempt.claim.step().spec().timeout().orElseThrow();
    String reason = "attempt " + attempt.number() + " timed out after " + Durations.format(timeout);
    if (report(attempt, () -> store.fail(attempt.ref(), attempt.settler(), reason, timers.now()))) {
      leases.drop(attempt);
      attempt.interrupt();
    }
  }

  /** Sends one fenced report; true when the store applied it. */
  private boolean report(Attempt attempt, Supplier<Change> call) {
    if (closed) {
      return false;
    }
    try {
      return changes.apply(attempt.ref(), call.get()).applied();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "could not report attempt " + attempt.number() + " of " + attempt.ref(), e);
      return false;
    }
  }
}
