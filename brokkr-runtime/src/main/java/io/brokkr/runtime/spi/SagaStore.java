package io.brokkr.runtime.spi;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node's view of the sagas of one namespace. Each method that changes a saga is one atomic
 * transition (for Redis: one Lua script over keys of one hash slot): it checks its preconditions,
 * moves saga and steps along {@link SagaTransition} and {@link StepTransition}, pushes the steps
 * that became ready to their worker's ready queue, and publishes one {@link StoreEvent} per
 * transition to every node of the namespace, in order. A rejected call throws
 * {@link StoreRejectedException} and changes nothing.
 *
 * <p>The rules every store implements:
 *
 * <ul>
 *   <li>A step is queued when the saga is RUNNING and each of its dependencies FINISHED: on
 *       {@link #start}, on {@link #addStep} to a running saga, and when its last dependency
 *       finishes. The saga FINISHES when every step (compensators aside) finished; then the
 *       compensators, which were never needed, are SKIPPED.
 *   <li>A failed attempt of a step is retried while attempts remain and the saga is RUNNING (a
 *       compensator: while the saga is COMPENSATING): RUNNING → QUEUED with {@code retryAt = now +
 *       retry.backoffBefore(attempt + 1)}, not pushed to the ready queue until {@link #requeue}.
 *       Otherwise, and for a failure from outside, the step FAILS.
 *   <li>The first step that fails while the saga is RUNNING makes it COMPENSATING, records the
 *       failure, and SKIPS every CREATED or QUEUED step. Then, repeatedly after each change: a
 *       step to undo whose dependents are all undone gets its compensator queued (step →
 *       COMPENSATING, compensator → QUEUED), or, without compensator, counts as undone. A step to
 *       undo FINISHED, or is <em>possibly done</em> ({@link StepSnapshot#possiblyDone()}: FAILED or
 *       SKIPPED after an attempt whose outcome is unknown); a step that failed explicitly is not. Dependents
 *       are undone when SKIPPED, FAILED, COMPENSATED, or FINISHED without compensator with undone
 *       dependents themselves. A RUNNING step is waited for. When a compensator finishes its step is
 *       COMPENSATED; when it fails for good its step FAILS, and the steps it depends on are blocked:
 *       their compensators stay WAITING_FOR_COMPENSATION until an operator's {@link #retry} or
 *       {@link #resolve}. When nothing is left to wait for, the saga is COMPENSATED, or FAILED when a
 *       compensator failed. Compensators of steps that never finished are SKIPPED.
 *   <li>While a view is open it fires the due timers of the whole namespace, whichever node armed
 *       them, off the hot path, at the time of the clock it was opened with ({@link #fireDue}): a
 *       lease that expired, or a deadline that passed whatever the heartbeats, fails its attempt as
 *       {@link #failUnknown} does (retried per the policy as a new attempt, which any node may
 *       claim), and a backoff that ended requeues its step. So a live node takes over from a dead
 *       one without {@code restorePreviousState}.
 *   <li>Every transition applies once: a store whose client may re-send a call (a response
 *       timeout) recognises the re-sent call and answers it as it answered the first.
 * </ul>
 */
public interface SagaStore extends AutoCloseable {

  /** {@return the namespace of this view} */
  String namespace();

  /**
   * Creates an empty CREATED saga without a name.
   *
   * @param sagaId the new saga's id, unique within the namespace (see {@link StoreLimits})
   * @throws StoreRejectedException {@link Rejection#SAGA_EXISTS}
   */
  default void createSaga(String sagaId) {
    createSaga(sagaId, Optional.empty());
  }

  /**
   * Creates an empty CREATED saga, named or not: its name is a filter of {@link #query}.
   *
   * @param sagaId the new saga's id, unique within the namespace
   * @param name the saga's name, shared by the sagas of one kind; empty for none
   * @throws StoreRejectedException {@link Rejection#SAGA_EXISTS}
   * @throws IllegalArgumentException when the id or name breaks {@link StoreLimits}
   */
  void createSaga(String sagaId, Optional<String> name);

  /**
   * Creates an empty CREATED saga that keeps {@code traceContext}: every claim of its steps hands it
   * back ({@link Claim#traceContext()}), on whichever node claims. The default drops the context.
   *
   * @param sagaId the new saga's id, unique within the namespace
   * @param name the saga's name; empty for none
   * @param traceContext the trace context of the code that creates the saga (W3C {@code traceparent}
   *     and the like); empty for none
   * @throws StoreRejectedException {@link Rejection#SAGA_EXISTS}
   * @throws IllegalArgumentException when the id or name breaks {@link StoreLimits}
   */
  default void createSaga(String sagaId, Optional<String> name, Map<String, String> traceContext) {
    createSaga(sagaId, name);
  }

  /**
   * Adds a step (CREATED, or QUEUED at once when the saga runs and its dependencies finished).
   *
   * @param sagaId the saga that gets the step
   * @param step the new step; its dependencies must have been added before it
   * @return what the store did: the step among {@link Change#ready()} when it was queued at once
   * @throws StoreRejectedException {@link Rejection#NO_SUCH_SAGA}, {@link Rejection#SAGA_CLOSED},
   *     {@link Rejection#DUPLICATE_STEP}, {@link Rejection#UNKNOWN_DEPENDENCY},
   *     {@link Rejection#DUPLICATE_DEPENDENCY}, {@link Rejection#DEPENDENCY_ON_COMPENSATOR}
   */
  Change addStep(String sagaId, StepSpec step);

  /**
   * Adds the compensator of step {@code stepId}, WAITING_FOR_COMPENSATION; the store sets its
   * spec's {@code dependsOn} to {@code [stepId]}, so that it receives that step's result.
   *
   * @param sagaId the saga of both steps
   * @param stepId the step to compensate, not itself a compensator
   * @param compensator the compensator; its {@code dependsOn} is ignored
   * @return what the store did; a compensator is never ready when added
   * @throws StoreRejectedException {@link Rejection#NO_SUCH_SAGA}, {@link Rejection#SAGA_CLOSED},
   *     {@link Rejection#NO_SUCH_STEP}, {@link Rejection#COMPENSATOR_EXISTS},
   *     {@link Rejection#COMPENSATOR_OF_COMPENSATOR}, {@link Rejection#DUPLICATE_STEP}
   */
  Change addCompensator(String sagaId, String stepId, StepSpec compensator);

  /**
   * CREATED → RUNNING; queues the steps without dependencies; FINISHED at once without steps.
   *
   * @param sagaId the saga to start
   * @return what the store did, with the steps it queued among {@link Change#ready()}
   * @throws StoreRejectedException {@link Rejection#NO_SUCH_SAGA}, {@link Rejection#NOT_CREATED}
   */
  Change start(String sagaId);

  /**
   * Creates a saga with all its steps and compensators and starts it, in one transition: what
   * {@link #createSaga}, {@link #addStep} for each step, {@link #addCompensator} for each
   * compensator and {@link #start} do one after the other, with the same checks and events. A
   * rejected draft writes nothing. The default makes the checks first, then those calls; a store
   * overrides it to make it one atomic call.
   *
   * @param draft the saga with its steps and compensators
   * @return what {@link #start} did
   * @throws StoreRejectedException {@link Rejection#SAGA_EXISTS}, or the rejection of the first
   *     call that would be rejected (see {@link SagaDraft#check})
   */
  default Change createAndStart(SagaDraft draft) {
    draft.check();
    createSaga(draft.sagaId(), draft.name(), draft.traceContext());
    draft.steps().forEach(step -> addStep(draft.sagaId(), step));
    draft.compensators().forEach((stepId, compensator) -> addCompensator(draft.sagaId(), stepId, compensator));
    return start(draft.sagaId());
  }

  /**
   * {@link #createAndStart} that also claims, for the caller, up to {@code max} of the steps the
   * start makes ready for {@code next}'s workers, in the order they became ready, as
   * {@link #claimNext} would, in the same call where the store can. The default creates and starts,
   * then claims the next step of each such step's worker while fewer than {@code max} were claimed.
   *
   * @param draft the saga with its steps and compensators
   * @param next the caller's node, workers, time and lease for the claims
   * @param max the most steps to claim; 0 claims none
   * @return as {@link #createAndStart}, with the claims in {@link Change#claims()}
   */
  default Change createStartAndClaim(SagaDraft draft, ClaimRequest next, int max) {
    Change change = createAndStart(draft);
    for (Change.Ready ready : change.ready()) {
      if (change.claims().size() >= max) {
        break;
      }
      if (next.workerNames().contains(ready.workerName())) {
        Optional<Claim> claim = claimNext(ready.workerName(), next.nodeId(), next.now(), next.lease());
        if (claim.isPresent()) {
          change = change.claiming(claim.get());
        }
      }
    }
    return change;
  }

  /**
   * Takes the next claimable step from the ready queue of {@code workerName} and moves it QUEUED →
   * RUNNING under a new lease: attempt + 1, a fresh fencing token, {@code until = now + lease},
   * {@code deadline = now + timeout} when the step has one. Queue entries that are stale (the step
   * is no longer QUEUED, or waits out a backoff) are dropped.
   *
   * @param workerName the worker whose ready queue is read
   * @param nodeId the node that will run the attempt; it becomes the lease's owner
   * @param now when the lease starts (the caller's clock)
   * @param lease how long the lease lasts unless renewed by {@link #heartbeat}
   * @return the claim, or empty when the queue holds nothing claimable
   */
  Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease);

  /**
   * Renews the lease of the attempt holding {@code token}.
   *
   * @param step the running step
   * @param token the fencing token of the caller's attempt ({@link Lease#token()})
   * @param until the lease's new end
   * @return false when the token is stale (the step moved on): stop renewing
   */
  boolean heartbeat(StepRef step, long token, Instant until);

  /**
   * Finishes a step with an optional JSON result and advances the saga.
   *
   * @param step the step to finish
   * @param by the attempt holding the lease, or a settler from outside
   * @param resultJson the step's result as JSON text; empty for a step without result
   * @return a change not {@linkplain Change#applied() applied} when the step had settled already or
   *     the token is stale
   * @throws StoreRejectedException {@link Rejection#NO_SUCH_SAGA}, {@link Rejection#NO_SUCH_STEP},
   *     and {@link Rejection#NOT_STARTED} for a settler from outside on a CREATED or
   *     WAITING_FOR_COMPENSATION step
   */
  Change finish(StepRef step, Settler by, Optional<String> resultJson);

  /**
   * {@link #finish} that also claims, for the caller, a step it makes ready for one of
   * {@code next}'s workers: {@link #finishAndClaim(StepRef, Settler, Optional, ClaimRequest, int)}
   * with a {@code max} of 1. Nodes call the five-argument form: a store that does a completion and
   * its claims in one call overrides that one.
   *
   * @param step the step to finish
   * @param by the attempt holding the lease, or a settler from outside
   * @param resultJson the step's result as JSON text; empty for a step without result
   * @param next the caller's node, workers, time and lease for the claim
   * @return as {@link #finish}, with the claim, if any, in {@link Change#claimed()}
   */
  default Change finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next) {
    return finishAndClaim(step, by, resultJson, next, 1);
  }

  /**
   * {@link #finish} that also claims, for the caller, up to {@code max} of the steps it makes ready
   * for {@code next}'s workers, in the order they became ready, as {@link #claimNext} would, in the
   * same call where the store can: a completion and the next steps' claims in one round trip. When
   * it makes none ready for them, the in-memory and Redis stores claim the head of the finished
   * step's worker's queue (on Redis, of the saga's partition) if it is a step of the same saga, so
   * that the leaves of a fan-out run one after the other on the caller's thread without a claim call
   * each. When that claims nothing either, a store may claim one queued step of another saga for
   * one of {@code next}'s workers, as {@link #claimNext} would: the Redis store does, in the same
   * call, when the view knows the head of such a queue in the saga's partition (it follows the
   * queues of the workers it has claimed for), so that the thread the step gives back takes the
   * next saga's step without a claim call; the in-memory store leaves it to the caller's next
   * {@link #claimNext}. The default finishes, then claims the next step of each such step's worker
   * while fewer than {@code max} were claimed.
   *
   * @param step the step to finish
   * @param by the attempt holding the lease, or a settler from outside
   * @param resultJson the step's result as JSON text; empty for a step without result
   * @param next the caller's node, workers, time and lease for the claims
   * @param max the most steps to claim, at least 1
   * @return as {@link #finish}, with the claims in {@link Change#claims()}
   * @throws IllegalArgumentException when {@code max} is below 1
   */
  default Change finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a completion claims at least 1 step, not " + max);
    }
    Change change = finish(step, by, resultJson);
    for (Change.Ready ready : change.ready()) {
      if (change.claims().size() >= max) {
        break;
      }
      if (next.workerNames().contains(ready.workerName())) {
        Optional<Claim> claim = claimNext(ready.workerName(), next.nodeId(), next.now(), next.lease());
        if (claim.isPresent()) {
          change = change.claiming(claim.get());
        }
      }
    }
    return change;
  }

  /**
   * Fails an attempt (retried per the step's policy, see the class comment) or, from outside, the
   * step. Timeouts and expired leases are failures of the attempt holding the token.
   *
   * @param step the step whose attempt failed
   * @param by the attempt holding the lease (retried per policy), or a settler from outside (final)
   * @param reason why it failed, recorded on the step (cut to the payload limit)
   * @param detail what the attempt left to debug it (its stack trace with its causes), recorded on
   *     the step with the reason ({@link StepSnapshot#failureDetail()}, cut to the payload limit);
   *     {@code ""} for none, never null. A failed compensator's detail is also recorded on the step it undoes.
   * @param now the caller's time, from which a retry's backoff is counted
   * @return as {@link #finish}; {@link Change#retryAt()} is set when a retry was scheduled
   * @throws StoreRejectedException as {@link #finish}
   */
  Change fail(StepRef step, Settler by, String reason, String detail, Instant now);

  /**
   * {@link #fail(StepRef, Settler, String, String, Instant)} without a detail.
   *
   * @param step the step whose attempt failed
   * @param by the attempt holding the lease (retried per policy), or a settler from outside (final)
   * @param reason why it failed, recorded on the step (cut to the payload limit)
   * @param now the caller's time, from which a retry's backoff is counted
   * @return as {@link #finish}; {@link Change#retryAt()} is set when a retry was scheduled
   * @throws StoreRejectedException as {@link #finish}
   */
  default Change fail(StepRef step, Settler by, String reason, Instant now) {
    return fail(step, by, reason, "", now);
  }

  /**
   * Fails the attempt holding {@code token} whose outcome is unknown: it timed out, or its node lost
   * its lease. As {@link #fail} by that attempt without a detail (retried per the step's policy), and the step is
   * <em>possibly done</em> ({@link StepSnapshot#possiblyDone()}) until an attempt finishes it: when
   * the saga compensates, the step's compensator runs although the step never finished.
   *
   * @param step the step whose attempt ended unknown
   * @param token the fencing token of that attempt
   * @param reason why it ended, recorded on the step
   * @param now the caller's time, from which a retry's backoff is counted
   * @return as {@link #fail}; not applied for a stale token
   */
  Change failUnknown(StepRef step, long token, String reason, Instant now);

  /**
   * Gives the attempt holding {@code token} back without counting it: its node closes, or could not
   * run it. The step is claimable again at once while its phase lasts (a step while the saga runs,
   * a compensator while it compensates); otherwise it fails. When the body may have run, the step
   * is possibly done (see {@link #failUnknown}).
   *
   * @param step the step whose attempt is given back
   * @param token the fencing token of that attempt
   * @param mayHaveRun true when the body started, so its side effects may have happened; false
   *     when it never ran
   * @return not applied for a stale token
   */
  Change handBack(StepRef step, long token, boolean mayHaveRun);

  /**
   * The async attempt holding {@code token} returned and waits to be settled from outside: its
   * lease no longer needs renewing; its deadline, if it has one, still ends it (the store's timers
   * enforce it).
   *
   * @param step the step whose async attempt returned
   * @param token the fencing token of that attempt
   * @return false when the token is stale
   */
  default boolean park(StepRef step, long token) {
    return heartbeat(step, token, Lease.OPEN_ENDED);
  }

  /**
   * Ends the backoff of a QUEUED step: pushes it to its worker's ready queue. Also re-pushes a
   * QUEUED step whose queue entry may have been lost; a second entry is harmless.
   *
   * @param step the QUEUED step
   * @return not applied when the step is not QUEUED
   */
  Change requeue(StepRef step);

  /**
   * Fires the timers of the namespace that are due at {@code now}, whichever node armed them: an
   * expired lease fails its attempt, an ended backoff requeues its step. Firing checks the step
   * first, so a timer fired twice, or by two nodes, acts once. The view's own sweep calls this
   * with the clock it was opened with; a caller may call it to drive time itself.
   *
   * @param now the time against which leases, deadlines and backoffs are compared
   * @return how many timers acted
   */
  int fireDue(Instant now);

  /**
   * {@return the saga as stored, if it exists; empty also after its retention dropped it}
   *
   * @param sagaId the saga to read
   */
  Optional<SagaSnapshot> load(String sagaId);

  /** {@return the ids of the sagas that are RUNNING or COMPENSATING} */
  List<String> unfinishedSagas();

  /**
   * An operator cancels a RUNNING saga: RUNNING → COMPENSATING as when a step fails for good (steps
   * not yet running are skipped; running and possibly-done ones are compensated once they end), its
   * failure recorded with no step and {@code reason}. The action goes first in the history and the
   * events ({@link StoreEvent.Acted}). Not applied for a saga that compensates or has settled
   * already.
   *
   * @param sagaId the saga to cancel
   * @param reason why, recorded as the saga's failure (cut to the payload limit)
   * @param author who cancels it (cut to the payload limit)
   * @return what the cancel did: not applied when the saga was compensating or settled already
   * @throws StoreRejectedException {@link Rejection#NO_SUCH_SAGA}, {@link Rejection#NOT_RUNNING}
   */
  Change cancel(String sagaId, String reason, String author);

  /**
   * An operator retries a FAILED saga: FAILED → COMPENSATING; each compensator that failed for good
   * FAILED → QUEUED for a new attempt (its retry policy counts afresh from there) and its step
   * FAILED → COMPENSATING; then the compensation pass runs over the whole saga again. (A step whose
   * dependent's compensator failed is BLOCKED: its compensator stays WAITING_FOR_COMPENSATION in a
   * FAILED saga, so that it runs after a retry or resolve.) Not applied for a saga that compensates
   * or has settled otherwise.
   *
   * @param sagaId the saga to retry
   * @param author who retries it
   * @return what the retry did, with the compensators it queued among {@link Change#ready()}
   * @throws StoreRejectedException {@link Rejection#NO_SUCH_SAGA}, {@link Rejection#NOT_FAILED}
   */
  Change retry(String sagaId, String author);

  /**
   * An operator settles a step by hand: a QUEUED or RUNNING step (or compensator) finishes without
   * result, as {@link #finish} from outside does; a compensator that failed for good in a FAILED
   * saga FAILED → FINISHED, its step FAILED → COMPENSATED, the saga FAILED → COMPENSATING, and the
   * compensation pass runs over the whole saga again. Naming a FAILED step whose compensator failed
   * resolves that compensator. Not applied for a step that finished or was compensated already.
   *
   * @param step the step or compensator to settle
   * @param note what was done by hand (cut to the payload limit)
   * @param author who resolves it
   * @return what the resolve did
   * @throws StoreRejectedException {@link Rejection#NO_SUCH_SAGA}, {@link Rejection#NO_SUCH_STEP},
   *     {@link Rejection#NOT_RESOLVABLE}
   */
  Change resolve(StepRef step, String note, String author);

  /**
   * {@return the saga's history, oldest first, the newest {@value HistoryEntry#LIMIT} entries at most;
   * empty for a saga that does not exist}
   *
   * @param sagaId the saga whose history is read
   */
  List<HistoryEntry> history(String sagaId);

  /**
   * One page of the sagas that match {@code query}, by last change, newest first (then by id, the
   * greatest first). A saga dropped after its retention is not listed.
   *
   * @param query the filters, the page size and where the page starts
   * @return the page, with the cursor of the next one if more sagas match
   */
  SagaPage query(SagaQuery query);

  /** {@return how many sagas the store keeps, by status (every status listed, 0 where none)} */
  Map<SagaStatus, Long> countByStatus();

  /**
   * {@return how many steps are ready to be claimed (queued, not waiting out a backoff), by worker
   * name; only workers with some}
   */
  Map<String, Long> readyByWorker();

  /**
   * {@return the ready queues, by worker name: the steps {@link #readyByWorker()} counts, each
   * worker's with when its longest-waiting step was queued; only workers with some}
   */
  List<ReadyQueue> readyQueues();

  /**
   * Announces a node, replacing its previous announcement.
   *
   * @param node what the node says of itself
   * @param ttl how long the announcement lasts unless renewed
   */
  void announce(NodeInfo node, Duration ttl);

  /**
   * Withdraws a node's announcement, if it has one.
   *
   * @param nodeId the node that closes
   */
  void withdraw(String nodeId);

  /** {@return the nodes whose announcement has not expired, by id} */
  List<NodeInfo> liveNodes();

  /**
   * Delivers every event of the namespace, from every node, to {@code listener} until the returned
   * subscription is closed. Events of one saga arrive in the order of its transitions.
   *
   * @param listener called once per event; it must not block for long
   * @return the subscription, to close when the events are no longer wanted
   */
  Subscription subscribe(StoreListener listener);

  /**
   * Like {@link #subscribe}, but the store may deliver only what concerns this view, so that a node
   * does not pay for the events of work it does not run: every event of the sagas created through
   * this view or {@linkplain #follow followed} by it, and the {@link StoreEvent.WorkReady} events of
   * the workers it claims for; every event of the namespace once {@link #followAll} was called (or
   * {@link #subscribe}). Of another view's sagas, a store may announce only the step that heads its
   * worker's queue, when that queue had nothing to claim before: a view that keeps claiming with
   * {@link #claimNext} until it finds nothing misses no step (the Redis store does so, so that the
   * nodes of a worker do not all hear of every step one of them will run). Events of one saga arrive
   * in the order of its transitions. Until {@link #followAll} is called, a store may also leave out
   * the moves of steps ({@link StoreEvent.StepMoved}) and of sagas into a status not settled, which a
   * node reads only for its listeners (the in-memory store makes none while no subscriber wants
   * them). By default it delivers every event.
   *
   * @param listener called once per event; it must not block for long
   * @return the subscription, to close when the events are no longer wanted
   */
  default Subscription subscribeToOwnWork(StoreListener listener) {
    return subscribe(listener);
  }

  /**
   * From now on, this view's {@link #subscribeToOwnWork} subscriptions also receive the events of
   * {@code sagaId}, e.g. a saga created by another node whose outcome this node waits for.
   *
   * @param sagaId the saga
   * @return whether this view began to receive events it did not receive before (so the saga may
   *     have moved unheard until now); false by default, where every event comes anyway
   */
  default boolean follow(String sagaId) {
    return false;
  }

  /**
   * From now on, this view's {@link #subscribeToOwnWork} subscriptions receive every event of the
   * namespace, every move included.
   */
  default void followAll() {}

  /**
   * This view claims no more steps: its node drains before it closes (it still finishes, fails and
   * hands back what it runs). A store that tells a view of work before the other views (the Redis
   * store tells a saga's creator first) hands them now what it told this view and this view did not
   * take, and from now on at once all it tells this view first. The default does nothing.
   */
  default void takeNoMoreWork() {}

  /** Ends a {@link #subscribe subscription}. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** Releases this view (its subscriptions and its sweep of timers); the stored sagas stay. */
  @Override
  void close();
}
