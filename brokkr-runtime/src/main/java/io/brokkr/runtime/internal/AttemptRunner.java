package io.brokkr.runtime.internal;

import io.brokkr.dsl.Durations;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
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
  private final Supplier<? extends Successors> successors;
  private volatile boolean closed;

  /** Where a finishing attempt takes its successor from: the node's dispatcher. */
  interface Successors {
    /** The terms of a claim for this node's workers; empty while the node takes no work. */
    Optional<ClaimRequest> request();

    /** The worker registered on this node under {@code name}. */
    Optional<Worker> worker(String name);
  }

  AttemptRunner(SagaStore store, Json json, Timers timers, Leases leases, Changes changes, Executor executor,
      Function<String, Saga> sagas, Supplier<? extends Successors> successors) {
    this.store = store;
    this.json = json;
    this.timers = timers;
    this.leases = leases;
    this.changes = changes;
    this.executor = executor;
    this.sagas = sagas;
    this.successors = successors;
  }

  /**
   * Starts an attempt; {@code releaseThread} runs once its body returned or it never ran. A sync
   * attempt's completion may claim the next step for this node in the same store call: that attempt
   * then runs on the same thread, under the same permit, without going through the dispatcher.
   */
  void start(Claim claim, Worker worker, Runnable releaseThread) {
    Attempt attempt = prepare(new Attempt(claim, worker, releaseThread));
    try {
      executor.execute(() -> runFrom(attempt));
    } catch (RejectedExecutionException e) {
      // The executor is shutting down; the lease will expire and another attempt will follow.
      leases.drop(attempt);
      attempt.releaseThread();
    }
  }

  private Attempt prepare(Attempt attempt) {
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
    attempt.claim.lease().deadline().ifPresent(d -> attempt.timesOutWith(timers.at(d, () -> timedOut(attempt))));
    return attempt;
  }

  /** Runs an attempt, then, on this thread, each attempt the previous one's completion claimed. */
  private void runFrom(Attempt first) {
    Optional<Attempt> next = Optional.of(first);
    while (next.isPresent()) {
      Attempt attempt = next.get();
      attempt.runTask();
      // An interrupt meant for that body (its timeout) must not reach the next one.
      Thread.interrupted();
      next = attempt.successor();
    }
  }

  void close() {
    closed = true;
  }

  private void run(Attempt attempt) {
    attempt.markStarted();
    boolean keepLease = false;
    Optional<Attempt> successor = Optional.empty();
    try {
      @Nullable Object value = attempt.worker.body().run(new Invocation(attempt.claim, sagas.apply(attempt.ref().sagaId()), json));
      if (attempt.worker.mode() == Worker.Mode.ASYNC) {
        keepLease = true;
      } else {
        successor = finish(attempt, value);
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
      if (successor.isEmpty()) {
        attempt.releaseThread();
      }
    }
  }

  /** Finishes the step; returns the attempt of a step the completion claimed for this node, if any. */
  private Optional<Attempt> finish(Attempt attempt, @Nullable Object value) {
    Optional<String> result;
    try {
      result = Optional.ofNullable(value)
          .map(v -> json.encode(v, () -> "the result of step \"" + attempt.ref().stepId() + "\""));
    } catch (IllegalArgumentException e) {
      fail(attempt, e.getMessage());
      return Optional.empty();
    }
    Successors node = successors.get();
    Optional<ClaimRequest> request = node.request();
    Optional<Change> change = reportChange(attempt, () -> request.isPresent()
        ? store.finishAndClaim(attempt.ref(), attempt.settler(), result, request.get())
        : store.finish(attempt.ref(), attempt.settler(), result));
    Optional<Claim> claimed = change.flatMap(Change::claimed);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Optional<Worker> worker = node.worker(claimed.get().step().spec().workerName());
    if (worker.isEmpty()) {
      // Unregistered meanwhile (cannot happen today): the lease expires and another node retries.
      return Optional.empty();
    }
    return Optional.of(prepare(attempt.handOver(claimed.get(), worker.get())));
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
    return reportChange(attempt, call).map(Change::applied).orElse(false);
  }

  /** Sends one fenced report; empty when it could not be sent. */
  private Optional<Change> reportChange(Attempt attempt, Supplier<Change> call) {
    if (closed) {
      return Optional.empty();
    }
    try {
      return Optional.of(changes.apply(attempt.ref(), call.get()));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "could not report attempt " + attempt.number() + " of " + attempt.ref(), e);
      return Optional.empty();
    }
  }
}
