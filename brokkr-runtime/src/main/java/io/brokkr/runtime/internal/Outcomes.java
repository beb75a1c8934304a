package io.brokkr.runtime.internal;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The futures of the sagas this node was asked about. An event that a saga settled is a hint: the
 * outcome is read from the stored saga, which a forged or stale message cannot change. Futures
 * complete on the node's callback threads (or on the thread of a caller blocked on one, see
 * OutcomeFuture), never on the store's threads, so a callback that blocks (on another saga's
 * outcome, say) delays nothing of the node. A saga that vanished from the store
 * before it settled (Redis lost it, or its retention passed) fails its future with the reason.
 */
final class Outcomes {
  private static final Logger LOG = LoggerFactory.getLogger(Outcomes.class);
  /** Sagas read by one recheck at most; the rest wait for the next one. */
  static final int RECHECK_BATCH = 500;

  private final SagaStore store;
  private final Json json;
  private final Executor callbacks;
  private final BooleanSupplier listened;
  private final Executor afterListeners;
  /** The sagas this node waits for, each with its future and this node's reports on it in flight. */
  private final Map<String, Waiting> pending = new ConcurrentHashMap<>();
  /** Only the recheck timer's thread reads and writes it. */
  private Set<String> waitingSinceLastCheck = Set.of();

  /**
   * A saga's pending future, and how many of this node's reports on the saga are in flight: a
   * settling event that comes meanwhile is held back, since the last report's reply likely tells the
   * outcome (one object a saga: a report takes no map of its own to count itself).
   */
  private static final class Waiting {
    final OutcomeFuture future = new OutcomeFuture();
    private int reporting;
    private boolean heldBack;

    synchronized void reportBegins() {
      reporting++;
    }

    /** Whether the report that ended was the last in flight and a settling event was held back meanwhile. */
    synchronized boolean reportEndsWithHeldBack() {
      if (--reporting > 0 || !heldBack) {
        return false;
      }
      heldBack = false;
      return true;
    }

    /** Holds a settling event back while a report is in flight; false when none is. */
    synchronized boolean holdsBack() {
      if (reporting == 0) {
        return false;
      }
      heldBack = true;
      return true;
    }
  }

  /**
   * @param listened whether the node has listeners now: they see a saga's settling before its
   *     outcome completes, so its own report's reply must not complete it first
   * @param afterListeners runs a task after the listeners ran for every event the node received
   *     before (the listener thread's queue; at once on that thread itself)
   */
  Outcomes(SagaStore store, Json json, Executor callbacks, BooleanSupplier listened, Executor afterListeners) {
    this.store = store;
    this.json = json;
    this.callbacks = callbacks;
    this.listened = listened;
    this.afterListeners = afterListeners;
  }

  /** The future of a saga's outcome; completed already when the saga has settled. */
  CompletableFuture<SagaOutcome> of(String sagaId) {
    CompletableFuture<SagaOutcome> future = pending(sagaId).future;
    // Registered first, read second: a saga settling in between completes the future either way.
    // On a node without listeners the caller's own thread completes it: a settled saga's outcome is
    // there at once, and nothing is subscribed for it (a CLI's `show` of a settled saga subscribes
    // to nothing); with listeners it completes once they ran for what the node received.
    confirm(sagaId, Completion::run, false);
    // The event of its settling must reach this node, though another node may have created it;
    // once this node begins to hear the saga, read again: it may have settled before.
    if (!future.isDone() && store.follow(sagaId)) {
      confirm(sagaId, Completion::run, false);
    }
    return future;
  }

  /**
   * The future of a saga this node is about to start, which cannot have settled yet: nothing is
   * read; the event of its settling makes the node read it.
   */
  CompletableFuture<SagaOutcome> expect(String sagaId) {
    return pending(sagaId).future;
  }

  /**
   * The pending future of a saga, a new one if it has none, or if its future completed but is not
   * removed yet: an operator's retry or resolve may have taken the saga back from its outcome.
   */
  private Waiting pending(String sagaId) {
    return pending.compute(sagaId, (id, waiting) -> waiting == null || waiting.future.isDone() ? new Waiting() : waiting);
  }

  /** Drops the future of a saga that was not started after all. */
  void forget(String sagaId) {
    pending.remove(sagaId);
  }

  /** A saga settled, as an event says: its future, if any, is completed from the store on a callback thread. */
  void settled(String sagaId) {
    Waiting waiting = pending.get(sagaId);
    // A report of this node on the saga is in flight: its reply likely tells the outcome, which saves
    // the read. Held back until the last such report is answered, which then reads.
    if (waiting == null || waiting.holdsBack()) {
      return;
    }
    // Called after the listeners ran for the event, or on a node without listeners.
    onCallbackThread(() -> confirm(sagaId, Completion::run, true));
  }

  /**
   * Makes a report of this node on a saga (a step's finish or failure), and completes the saga's
   * future from the outcome the reply tells, if the report settled the saga and the store told it: a
   * reply, unlike an event, cannot be forged. Only a future asked for before the report is
   * completed so: an operator's retry may take the saga back after the reply. On a node with
   * listeners the event completes it, after they saw it, as before.
   */
  Change report(String sagaId, Supplier<Change> call) {
    Waiting before = pending.get(sagaId);
    if (before == null || listened.getAsBoolean()) {
      // Nobody here waits for this saga, or listeners must see its settling first: its event does the rest.
      return call.get();
    }
    before.reportBegins();
    try {
      Change reply = call.get();
      reply.settling().ifPresent(settled -> settled.outcome().ifPresent(told -> {
        if (pending.remove(sagaId, before)) {
          SagaOutcome outcome = new SagaOutcome(sagaId, settled.status(), told.failure(),
              new Results(sagaId, told.results(), json));
          completeOnCallbackThread(new Completion(sagaId, before, outcome));
        }
      }));
      return reply;
    } finally {
      // The last report answered: a settling event held back meanwhile is acted on now.
      if (before.reportEndsWithHeldBack()) {
        settled(sagaId);
      }
    }
  }

  /**
   * The safety net behind the settling events, off the hot path and on its own thread: sagas whose
   * futures were already pending at the previous check are read (at most {@link #RECHECK_BATCH}), so
   * that an event lost on the way delays an outcome by a period or two instead of forever, and a
   * vanished saga fails its future.
   */
  void recheck() {
    Set<String> waitingNow = Set.copyOf(pending.keySet());
    List<String> due = new ArrayList<>();
    for (String sagaId : waitingSinceLastCheck) {
      if (waitingNow.contains(sagaId) && due.size() < RECHECK_BATCH) {
        due.add(sagaId);
      }
    }
    due.forEach(sagaId -> confirm(sagaId, this::completeOnCallbackThread, false));
    waitingSinceLastCheck = waitingNow;
  }

  /** Fails the futures nobody will complete: the node is closing. */
  void abandon(String nodeId) {
    pending.forEach((sagaId, waiting) -> completeOnCallbackThread(new Completion(sagaId, waiting,
        new IllegalStateException("Brokkr node " + nodeId + " closed before saga " + sagaId + " settled"))));
    pending.clear();
  }

  /**
   * Reads the saga; completes its future ({@code by} running the completion) when it settled, fails
   * it when it is gone. Unless {@code listenersRan} (the listeners ran for the event of its settling,
   * or there are none), the completion waits for the listeners: a read may see a saga settled before
   * the listeners ran for the event of it, which the node may have received already.
   */
  private void confirm(String sagaId, Consumer<Completion> by, boolean listenersRan) {
    Consumer<Completion> complete = listenersRan || !listened.getAsBoolean() ? by : this::afterTheListeners;
    // The future before the read: a read completes only futures asked for before it, since an
    // operator's retry or resolve may take a settled saga back to COMPENSATING after the read.
    Waiting waiting = pending.get(sagaId);
    if (waiting == null) {
      return;
    }
    Optional<SagaSnapshot> saga;
    try {
      saga = store.load(sagaId);
    } catch (RuntimeException e) {
      LOG.warn("could not read saga " + sagaId + " for its outcome; a later check reads it again", e);
      return;
    }
    if (saga.isEmpty()) {
      complete.accept(new Completion(sagaId, waiting, new IllegalStateException("saga " + sagaId
          + " is gone from namespace \"" + store.namespace() + "\" before its outcome was read: Redis lost it (a"
          + " restart without persistence, a flush, a failover to a replica that lagged) or its retention passed")));
    } else if (saga.get().status().isSettled()) {
      complete.accept(new Completion(sagaId, waiting, outcome(saga.get())));
    }
  }

  /** Runs a completion on a callback thread once the listeners ran for what the node received so far. */
  private void afterTheListeners(Completion completion) {
    try {
      afterListeners.execute(() -> completeOnCallbackThread(completion));
    } catch (RejectedExecutionException closed) {
      completeOnCallbackThread(completion);
    }
  }

  /**
   * Runs a completion on a callback thread, having told its outcome to the callers blocked on the
   * future: the first of them to wake completes it on its own thread (OutcomeFuture).
   */
  private void completeOnCallbackThread(Completion completion) {
    completion.tell();
    onCallbackThread(completion);
  }

  /** Runs a task on a callback thread; inline once those are gone (the node closed). */
  private void onCallbackThread(Runnable task) {
    try {
      callbacks.execute(task);
    } catch (RejectedExecutionException closed) {
      task.run();
    }
  }

  /**
   * Completes a waiting saga's future with its outcome, or fails it with a reason, then drops it
   * from the pending ones: completed, then removed, so that a caller who finds the future still
   * pending completes it too.
   */
  private final class Completion implements Runnable {
    private final String sagaId;
    private final Waiting waiting;
    private final @Nullable SagaOutcome outcome;
    private final @Nullable RuntimeException failure;

    Completion(String sagaId, Waiting waiting, SagaOutcome outcome) {
      this(sagaId, waiting, outcome, null);
    }

    Completion(String sagaId, Waiting waiting, RuntimeException failure) {
      this(sagaId, waiting, null, failure);
    }

    private Completion(String sagaId, Waiting waiting, @Nullable SagaOutcome outcome,
        @Nullable RuntimeException failure) {
      this.sagaId = sagaId;
      this.waiting = waiting;
      this.outcome = outcome;
      this.failure = failure;
    }

    /** Tells the callers blocked on the future, before it completes. */
    void tell() {
      if (outcome != null) {
        waiting.future.tell(outcome);
      } else if (failure != null) {
        waiting.future.tellFailure(failure);
      }
    }

    @Override
    public void run() {
      if (outcome != null) {
        waiting.future.complete(outcome);
      } else if (failure != null) {
        waiting.future.completeExceptionally(failure);
      }
      pending.remove(sagaId, waiting);
    }
  }

  private SagaOutcome outcome(SagaSnapshot saga) {
    Map<String, String> results = new LinkedHashMap<>();
    for (StepSnapshot step : saga.steps()) {
      if (!step.isCompensator()) {
        step.resultJson().ifPresent(r -> results.put(step.stepId(), r));
      }
    }
    return new SagaOutcome(saga.sagaId(), saga.status(), saga.failure(), new Results(saga.sagaId(), results, json));
  }
}
