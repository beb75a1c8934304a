package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreLimits;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One node's view of an in-memory namespace; while it is open it sweeps the namespace's due timers
 * (see {@link MemorySweeper}). Closing it ends the node's subscriptions and its sweep.
 */
final class MemoryStore implements SagaStore {
  private final MemoryNamespace namespace;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final MemorySweeper sweeper;
  private final Clock clock;
  private final StoreLimits limits;
  /** This view's listeners, told what its own calls and sweeps settled or expired. */
  private final List<StoreListener> local = new CopyOnWriteArrayList<>();
  private final Here here = new Here(local);
  /** Subscriptions to this view's own work that do not want the moves that settle nothing yet; guarded by this. */
  private final List<Subscribers.Subscriber> ownWork = new ArrayList<>();
  /** Whether this view follows every saga, which its own-work subscriptions then hear whole; guarded by this. */
  private boolean followsAll;

  MemoryStore(MemoryNamespace namespace, Clock clock, StoreLimits limits) {
    this.namespace = namespace;
    this.clock = clock;
    this.limits = limits;
    this.sweeper = new MemorySweeper(namespace, clock, here);
  }

  @Override
  public String namespace() {
    return namespace.name();
  }

  @Override
  public String toString() {
    return "in-memory store";
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name) {
    createSaga(sagaId, name, Map.of());
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name, Map<String, String> traceContext) {
    StoreLimits.checkId("saga id", sagaId);
    name.ifPresent(n -> StoreLimits.checkId("saga name", n));
    namespace.create(sagaId, name, Map.copyOf(traceContext), clock);
  }

  @Override
  public Change addStep(String sagaId, StepSpec step) {
    limits.checkNewStep(sagaId, step, "");
    return namespace.apply(sagaId, saga -> saga.addStep(step));
  }

  @Override
  public Change addCompensator(String sagaId, String stepId, StepSpec compensator) {
    limits.checkNewStep(sagaId, compensator, "compensator ");
    return namespace.apply(sagaId, saga -> saga.addCompensator(stepId, compensator));
  }

  @Override
  public Change createAndStart(SagaDraft draft) {
    return createAndStart(draft, MemorySaga::start);
  }

  private Change createAndStart(SagaDraft draft, Function<MemorySaga, Change> start) {
    // All checked before the first write, as the Redis script does: a rejected draft writes nothing.
    limits.check(draft);
    draft.check();
    draft.name().ifPresent(n -> StoreLimits.checkId("saga name", n));
    return here.changed(namespace.createAndStart(draft, clock, start));
  }

  @Override
  public Change start(String sagaId) {
    return here.changed(namespace.apply(sagaId, MemorySaga::start));
  }

  @Override
  public Change createStartAndClaim(SagaDraft draft, ClaimRequest next, int max) {
    return createAndStart(draft, saga -> claimMadeReady(saga, saga.start(), next, max));
  }

  @Override
  public Change finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a completion claims at least 1 step, not " + max);
    }
    Change change = finish(step, by, resultJson, (saga, finished) -> claimMadeReady(saga, finished, next, max));
    if (!change.applied() || !change.claims().isEmpty()) {
      return change;
    }
    return namespace.claimQueuedHead(step, next).map(change::claiming).orElse(change);
  }

  /**
   * {@code change} also claiming up to {@code max} of the steps it made ready for {@code next}'s
   * workers, in the call that made them ready: they are neither queued nor announced.
   */
  private static Change claimMadeReady(MemorySaga saga, Change change, ClaimRequest next, int max) {
    Change claiming = change;
    List<Change.Ready> made = change.ready();
    for (int i = 0; i < made.size(); i++) {
      Change.Ready ready = made.get(i);
      if (claiming.claims().size() >= max) {
        break;
      }
      if (next.workerNames().contains(ready.workerName())) {
        claiming = saga.claimMadeReady(ready.step().stepId(), next.nodeId(), next.now(), next.lease())
            .map(claiming::claiming).orElse(claiming);
      }
    }
    return claiming;
  }

  @Override
  public Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease) {
    List<Change> failed = new ArrayList<>(0);
    Optional<Claim> claim = namespace.claimNext(workerName, nodeId, now, lease, failed::add);
    // Told once the saga's lock is released: a step over the claim limit failed, which may settle its saga.
    failed.forEach(here::changed);
    return claim;
  }

  @Override
  public boolean heartbeat(StepRef step, long token, Instant until) {
    // A saga that is gone holds no lease: the renewal stops, as for a stale token (no rejection).
    return namespace.find(step.sagaId()).isPresent()
        && namespace.apply(step.sagaId(), saga -> saga.heartbeat(step.stepId(), token, until));
  }

  @Override
  public Change finish(StepRef step, Settler by, Optional<String> resultJson) {
    return finish(step, by, resultJson, (saga, finished) -> finished);
  }

  /** Finishes the step, then, in the same call, does {@code then} with the saga and the change. */
  private Change finish(StepRef step, Settler by, Optional<String> resultJson,
      BiFunction<MemorySaga, Change, Change> then) {
    Optional<String> tooLarge = limits.resultTooLarge(step, resultJson);
    if (tooLarge.isPresent()) {
      if (by instanceof Settler.Attempt) {
        // The attempt cannot deliver its result: it failed, and is retried by its policy (as on Redis).
        return fail(step, by, tooLarge.get(), clock.instant());
      }
      throw new IllegalArgumentException(tooLarge.get());
    }
    return here.changed(namespace.apply(step.sagaId(),
        saga -> then.apply(saga, saga.finish(step.stepId(), by, resultJson))));
  }

  @Override
  public Change fail(StepRef step, Settler by, String reason, String detail, Instant now) {
    Objects.requireNonNull(detail, "detail");
    return here.changed(namespace.apply(step.sagaId(),
        saga -> saga.fail(step.stepId(), by, limits.cut(reason), limits.cut(detail), now)));
  }

  @Override
  public Change failUnknown(StepRef step, long token, String reason, Instant now) {
    return here.changed(namespace.apply(step.sagaId(), saga -> saga.failUnknown(step.stepId(), token, limits.cut(reason), now)));
  }

  @Override
  public Change handBack(StepRef step, long token, boolean mayHaveRun) {
    return here.changed(namespace.apply(step.sagaId(), saga -> saga.handBack(step.stepId(), token, mayHaveRun)));
  }

  @Override
  public Change requeue(StepRef step) {
    return here.changed(namespace.apply(step.sagaId(), saga -> saga.requeue(step.stepId())));
  }

  @Override
  public int fireDue(Instant now) {
    return namespace.sweep(now, here);
  }

  @Override
  public Optional<SagaSnapshot> load(String sagaId) {
    return namespace.find(sagaId).map(MemorySaga::snapshotOnceDelivered);
  }

  @Override
  public List<String> unfinishedSagas() {
    return namespace.unfinished();
  }

  @Override
  public Change cancel(String sagaId, String reason, String author) {
    return here.changed(namespace.apply(sagaId, saga -> saga.cancel(limits.cut(reason), limits.cut(author))));
  }

  @Override
  public Change retry(String sagaId, String author) {
    return here.changed(namespace.apply(sagaId, saga -> saga.retry(limits.cut(author))));
  }

  @Override
  public Change resolve(StepRef step, String note, String author) {
    return here.changed(namespace.apply(step.sagaId(), saga -> saga.resolve(step.stepId(), limits.cut(note), limits.cut(author))));
  }

  @Override
  public List<HistoryEntry> history(String sagaId) {
    return namespace.find(sagaId).map(MemorySaga::history).orElse(List.of());
  }

  @Override
  public SagaPage query(SagaQuery query) {
    return namespace.query(query);
  }

  @Override
  public Map<SagaStatus, Long> countByStatus() {
    return namespace.countByStatus();
  }

  @Override
  public Map<String, Long> readyByWorker() {
    return namespace.readyByWorker();
  }

  @Override
  public List<ReadyQueue> readyQueues() {
    return namespace.readyQueues();
  }

  @Override
  public void announce(NodeInfo node, Duration ttl) {
    namespace.announce(node, clock.instant().plus(ttl));
  }

  @Override
  public void withdraw(String nodeId) {
    namespace.withdraw(nodeId);
  }

  @Override
  public List<NodeInfo> liveNodes() {
    return namespace.liveNodes(clock.instant());
  }

  @Override
  public Subscription subscribe(StoreListener listener) {
    return subscribe(listener, true);
  }

  /**
   * Every event, as {@link #subscribe}, but the moves of steps, and of sagas into a status not
   * settled, only once this view {@linkplain #followAll follows all}: a node reads them only for its
   * listeners, and follows all once it has any.
   */
  @Override
  public synchronized Subscription subscribeToOwnWork(StoreListener listener) {
    return subscribe(listener, followsAll);
  }

  @Override
  public synchronized void followAll() {
    followsAll = true;
    ownWork.forEach(namespace::wantMoves);
    ownWork.clear();
  }

  private synchronized Subscription subscribe(StoreListener listener, boolean moves) {
    Subscribers.Subscriber subscriber = namespace.subscribe(listener, moves);
    if (!moves) {
      ownWork.add(subscriber);
    }
    local.add(listener);
    Subscription subscription = () -> {
      synchronized (this) {
        ownWork.remove(subscriber);
      }
      local.remove(listener);
      namespace.unsubscribe(subscriber);
    };
    subscriptions.add(subscription);
    return () -> {
      subscriptions.remove(subscription);
      subscription.close();
    };
  }

  @Override
  public void close() {
    sweeper.close();
    subscriptions.forEach(Subscription::close);
    subscriptions.clear();
  }
}
