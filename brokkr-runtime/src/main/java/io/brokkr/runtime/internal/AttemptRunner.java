package io.brokkr.runtime.internal;

import io.brokkr.dsl.Durations;
import io.brokkr.runtime.Instrumentation.AttemptOutcome;
import io.brokkr.runtime.Instrumentation.Scope;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs claimed attempts on the node's executor and reports how they ended, each report fenced by
 * the attempt's token: a sync body's return value finishes the step, an exception fails the
 * attempt, and an async body parks the step (the store keeps its deadline; nothing is renewed)
 * until it is settled from outside or its deadline passes. A timed-out attempt's outcome is
 * unknown: it is failed as such, its body interrupted and its permit given back at once (a body
 * that ignores the interrupt keeps its thread busy, not the node's permit). An attempt the executor
 * rejects is handed back uncounted.
 */
final class AttemptRunner {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptRunner.class);
  /**
   * How long the permit of a rejected attempt stays taken: an executor that keeps rejecting slows
   * this node's claims down instead of making them spin.
   */
  private static final Duration REJECTED_PERMIT_PAUSE = Duration.ofMillis(100);

  private final SagaStore store;
  private final Json json;
  private final Timers timers;
  private final Leases leases;
  private final Changes changes;
  private final Outcomes outcomes;
  private final Executor executor;
  private final Function<String, Saga> sagas;
  private final Supplier<? extends Successors> successors;
  private final Observer observer;
  private final AtomicBoolean rejectionLogged = new AtomicBoolean();
  private volatile boolean closed;

  /** Where a finishing attempt takes its successor from: the node's dispatcher. */
  interface Successors {
    /** The terms of a claim for this node's workers; empty while the node takes no work. */
    Optional<ClaimRequest> request();

    /** The worker registered on this node under {@code name}. */
    Optional<Worker> worker(String name);

    /**
     * Claims a ready step of this node's workers for a thread that holds a permit and has nothing
     * to run: empty while the node takes no work or none is ready.
     */
    Optional<Claim> claimForIdleThread();

    /** Takes the node's free permits, for the attempts a completion may claim; returns how many it took. */
    int reservePermits();

    /**
     * Gives back {@code count} reserved permits that no attempt took, without waking the dispatcher
     * on this thread (its drain may claim: not before the completion is told): {@link #wakeUp} does.
     */
    void giveBackPermits(int count);

    /** Wakes the dispatcher: permits were given back. */
    void wakeUp();

    /** Gives back the permit of an attempt started under a reserved one: its thread is free. */
    void releasePermit();
  }

  AttemptRunner(SagaStore store, Json json, Timers timers, Leases leases, Changes changes, Outcomes outcomes,
      Executor executor, Function<String, Saga> sagas, Supplier<? extends Successors> successors, Observer observer) {
    this.observer = observer;
    this.outcomes = outcomes;
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
      if (!rejectionLogged.getAndSet(true)) {
        LOG.warn("the executor of this Brokkr node rejected an attempt of " + attempt.ref()
            + "; rejected attempts are handed back to the store uncounted (logged once)", e);
      }
      attempt.end();
      handBack(attempt, REJECTED_PERMIT_PAUSE);
    }
  }

  /**
   * Drains: waits up to {@code timeout} for the attempts in flight, then hands the rest back to the
   * store uncounted (possibly done when their body started) and interrupts them. Later reports of
   * this node are dropped. Returns how many it handed back.
   */
  int drain(Duration timeout) {
    int handedBack = 0;
    for (Attempt attempt : leases.awaitNoneRunning(timeout)) {
      if (attempt.end()) {
        handBack(attempt, Duration.ZERO);
        attempt.interrupt();
        handedBack++;
      }
    }
    closed = true;
    return handedBack;
  }

  /** Hands an attempt back to the store; its permit returns after {@code permitPause}. */
  private void handBack(Attempt attempt, Duration permitPause) {
    leases.end(attempt);
    observer.ended(attempt, AttemptOutcome.HANDED_BACK, Optional.empty());
    try {
      changes.wake(store.handBack(attempt.ref(), attempt.token(), attempt.started()));
    } catch (RuntimeException e) {
      LOG.error("could not hand back attempt " + attempt.number() + " of " + attempt.ref()
          + "; its lease will expire", e);
    }
    if (permitPause.isZero()) {
      attempt.releaseThread();
    } else {
      timers.at(timers.now().plus(permitPause), attempt::releaseThread);
    }
  }

  private Attempt prepare(Attempt attempt) {
    if (observer.on()) {
      observer.claimed(attempt.claim, timers.now());
    }
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
    for (Attempt attempt = first; attempt != null; attempt = attempt.successor().orElse(null)) {
      attempt.runTask();
      // An interrupt meant for that body (its timeout) must not reach the next one.
      Thread.interrupted();
    }
  }

  /**
   * Runs an attempt with its keys in the thread's MDC, removed after, also on a pooled thread, and
   * inside the instrumentation's scope (its span).
   */
  private void run(Attempt attempt) {
    try (AttemptMdc mdc = AttemptMdc.of(attempt); Scope scope = observer.attempt(attempt)) {
      runBody(attempt, scope);
    }
  }

  private void runBody(Attempt attempt, Scope scope) {
    if (!timers.now().isBefore(attempt.leaseDue())) {
      // The claim reached this node after its lease or deadline ended (a reply delayed by the
      // network, a stalled thread): the store fails or has failed it, and another attempt may run.
      LOG.warn("attempt {} of {} reached its thread after its lease ended; its body does not run", attempt.number(),
          attempt.ref());
      attempt.end();
      leases.end(attempt);
      attempt.lose();
      observer.ended(attempt, AttemptOutcome.LOST, Optional.empty());
      attempt.releaseThread();
      return;
    }
    attempt.markStarted();
    boolean keepLease = false;
    Optional<Attempt> successor = Optional.empty();
    try {
      @Nullable Object value = attempt.worker.body().run(new Invocation(attempt.claim, sagas.apply(attempt.ref().sagaId()), json));
      if (!attempt.end()) {
        return; // it timed out: that was reported, and its permit given back
      }
      if (attempt.worker.mode() == Worker.Mode.ASYNC) {
        keepLease = !park(attempt);
        observer.ended(attempt, AttemptOutcome.PARKED, Optional.empty());
      } else {
        successor = finish(attempt, value);
      }
    } catch (Exception e) {
      scope.failed(e);
      if (attempt.end()) {
        fail(attempt, FailureReason.of(e), e);
      }
    } catch (Error e) {
      scope.failed(e);
      if (attempt.end()) {
        fail(attempt, FailureReason.of(e), e);
      }
      throw e;
    } finally {
      if (!keepLease) {
        leases.drop(attempt);
      }
      leases.returned(attempt);
      if (successor.isEmpty()) {
        passOn(attempt);
      }
    }
  }

  /**
   * The thread and permit of an attempt that ended without a successor go to the next ready step,
   * which runs on this thread (as a successor does) instead of being handed to another thread
   * while this one goes idle; with nothing ready they are given back.
   */
  private void passOn(Attempt attempt) {
    if (closed || !attempt.takePermit()) {
      attempt.releaseThread();
      return;
    }
    Successors node = successors.get();
    Optional<Claim> claim = node.claimForIdleThread();
    Optional<Worker> worker = claim.flatMap(c -> node.worker(c.step().spec().workerName()));
    if (worker.isPresent()) {
      prepare(attempt.handOver(claim.get(), worker.get()));
    } else {
      // A claim without its worker cannot happen (workers are never unregistered): its lease expires.
      attempt.givePermitBack();
    }
  }

  /**
   * An async body returned: the step waits for a settler, under the deadline the store keeps, and
   * this node renews nothing for it. False when the store could not be told: the lease is kept.
   */
  private boolean park(Attempt attempt) {
    try {
      store.park(attempt.ref(), attempt.token());
      return true;
    } catch (RuntimeException e) {
      LOG.warn("could not park async attempt " + attempt.number() + " of " + attempt.ref()
          + "; this node keeps renewing its lease", e);
      return false;
    }
  }

  /**
   * Finishes the step; returns the attempt of a step the completion claimed for this node, if any.
   * The completion may claim one more step for each free permit of the node (a fan-out's root makes
   * many ready at once): those run on threads of their own, under the permits reserved for them.
   */
  private Optional<Attempt> finish(Attempt attempt, @Nullable Object value) {
    Optional<String> result;
    try {
      result = Optional.ofNullable(value)
          .map(v -> json.encode(v, () -> "the result of step \"" + attempt.ref().stepId() + "\""));
    } catch (IllegalArgumentException e) {
      fail(attempt, e.getMessage(), e); // a result the store would not take: the message says why
      return Optional.empty();
    }
    Successors node = successors.get();
    Optional<ClaimRequest> request = node.request();
    Reservation reservation = new Reservation(node, request.isPresent() ? node.reservePermits() : 0);
    try {
      Optional<Change> change = reportChange(attempt, () -> {
        if (request.isEmpty()) {
          return store.finish(attempt.ref(), attempt.settler(), result);
        }
        Change claiming = store.finishAndClaim(attempt.ref(), attempt.settler(), result, request.get(),
            1 + reservation.held());
        // Before the saga's outcome may complete: a start waiting on it takes a permit at once.
        reservation.keep(claiming.claims().size() - 1);
        return claiming;
      });
      if (change.filter(Change::applied).isPresent()) {
        AttemptLog.finished(attempt);
      }
      if (change.isEmpty()) {
        return Optional.empty();
      }
      observer.ended(attempt, change.get().applied() ? AttemptOutcome.FINISHED : AttemptOutcome.STALE, change);
      List<Claim> claims = change.get().claims();
      for (Claim claim : claims.subList(Math.min(1, claims.size()), claims.size())) {
        // A claim without its worker cannot happen (workers are never unregistered): its lease
        // expires and another node retries.
        Optional<Worker> worker = node.worker(claim.step().spec().workerName());
        if (worker.isPresent() && reservation.take()) {
          start(claim, worker.get(), node::releasePermit);
        }
      }
      Optional<Worker> worker = change.get().claimed().flatMap(c -> node.worker(c.step().spec().workerName()));
      return worker.map(w -> prepare(attempt.handOver(change.get().claimed().orElseThrow(), w)));
    } finally {
      reservation.keep(0); // what is left when the call failed or was not made
      if (reservation.gaveBack()) {
        node.wakeUp();
      }
    }
  }

  /** Permits a completion took for the further steps it may claim; those it does not use go back. */
  private static final class Reservation {
    private final Successors node;
    private int held;
    private boolean gaveBack;

    Reservation(Successors node, int held) {
      this.node = node;
      this.held = held;
    }

    int held() {
      return held;
    }

    /** Keeps at most {@code count} of the permits and gives the rest back. */
    void keep(int count) {
      int back = held - Math.max(0, Math.min(count, held));
      if (back > 0) {
        held -= back;
        gaveBack = true;
        node.giveBackPermits(back);
      }
    }

    /** Whether any permit went back. */
    boolean gaveBack() {
      return gaveBack;
    }

    /** Takes a kept permit for an attempt; false when none is left. */
    boolean take() {
      if (held == 0) {
        return false;
      }
      held--;
      return true;
    }
  }

  /** Fails the attempt with {@code reason}; {@code failure}'s stack trace is logged and recorded with it. */
  private void fail(Attempt attempt, String reason, Throwable failure) {
    reportChange(attempt, () -> store.fail(attempt.ref(), attempt.settler(), reason,
        FailureDetail.of(failure), timers.now()))
        .ifPresent(change -> {
          AttemptLog.failed(attempt, reason, Optional.of(failure), change);
          observer.ended(attempt, change.applied() ? AttemptOutcome.FAILED : AttemptOutcome.STALE, Optional.of(change));
        });
  }

  private void timedOut(Attempt attempt) {
    if (!attempt.end()) {
      return; // its body returned first, and reports how it ended
    }
    String reason = Attempt.timedOut(attempt.number(), attempt.claim.step().spec().timeout().orElseThrow());
    // Not applied when the store's own timer failed the attempt first: it is over either way.
    try (AttemptMdc mdc = AttemptMdc.of(attempt)) {
      Optional<Change> change = reportChange(attempt,
          () -> store.failUnknown(attempt.ref(), attempt.token(), reason, timers.now()));
      change.ifPresent(c -> AttemptLog.failed(attempt, reason, Optional.empty(), c));
      observer.ended(attempt, AttemptOutcome.TIMED_OUT, change);
    }
    leases.end(attempt);
    attempt.interrupt();
    attempt.releaseThread();
  }

  /** Sends one fenced report; empty when it could not be sent. */
  private Optional<Change> reportChange(Attempt attempt, Supplier<Change> call) {
    if (closed) {
      return Optional.empty();
    }
    try {
      // A report that settles the saga may tell its outcome: this node's future of it completes from that.
      return Optional.of(changes.apply(attempt.ref(), outcomes.report(attempt.ref().sagaId(), call)));
    } catch (RuntimeException e) {
      LOG.error("could not report attempt " + attempt.number() + " of " + attempt.ref(), e);
      return Optional.empty();
    }
  }

  /** How many attempts' bodies are running here now. */
  int running() {
    return leases.running();
  }
}
