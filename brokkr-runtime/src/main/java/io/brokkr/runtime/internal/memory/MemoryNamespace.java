package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaCursor;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import io.brokkr.runtime.internal.Pages;
import io.brokkr.runtime.internal.QueueDepths;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sagas, ready queues and subscribers of one namespace, shared by every node that opens it. */
final class MemoryNamespace {
  private static final Logger LOG = LoggerFactory.getLogger(MemoryNamespace.class);

  private final String name;
  private final Map<String, MemorySaga> sagas = new ConcurrentHashMap<>();
  private final ReadyQueues queues = new ReadyQueues();
  private final TimerIndex timers = new TimerIndex();
  /** What every saga's outbox hands its events to: one for all, not one per saga kept for its retention. */
  private final Subscribers subscribers;
  private final Retention retention;
  private final Map<String, Announcement> nodes = new ConcurrentHashMap<>();

  /** A node's announcement and when it expires. */
  private record Announcement(NodeInfo node, Instant expires) {}

  MemoryNamespace(String name, Duration retention) {
    this.name = name;
    this.subscribers = new Subscribers(name);
    this.retention = new Retention(retention);
  }

  String name() {
    return name;
  }

  /** The due times of leases and backoffs, fired by {@link #sweep}. */
  TimerIndex timers() {
    return timers;
  }

  void create(String sagaId, Optional<String> sagaName, Clock clock) {
    create(sagaId, sagaName, Map.of(), clock);
  }

  void create(String sagaId, Optional<String> sagaName, Map<String, String> traceContext, Clock clock) {
    MemorySaga saga = new MemorySaga(sagaId, sagaName, traceContext, clock, queues, timers, new Outbox(subscribers),
        retention);
    if (sagas.putIfAbsent(sagaId, saga) != null) {
      throw Rejection.SAGA_EXISTS.of(sagaId);
    }
    retention.restart(saga);
  }

  /**
   * Creates a saga with its steps and compensators, as createSaga, addStep and addCompensator do
   * one after the other, before anyone can see it (none of these moves a step or publishes an
   * event), then starts it with {@code start} (a start, and maybe claims of what it made ready): two
   * calls instead of one per step. The caller checked {@code draft} ({@link SagaDraft#check}).
   */
  Change createAndStart(SagaDraft draft, Clock clock, Function<MemorySaga, Change> start) {
    MemorySaga saga = new MemorySaga(draft.sagaId(), draft.name(), Map.copyOf(draft.traceContext()), clock, queues,
        timers, new Outbox(subscribers), retention);
    saga.within(drafted -> {
      draft.steps().forEach(drafted::addDrafted); // the store checked the draft
      draft.compensators().forEach(drafted::addCompensator);
      return drafted;
    });
    if (sagas.putIfAbsent(draft.sagaId(), saga) != null) {
      throw Rejection.SAGA_EXISTS.of(draft.sagaId());
    }
    try {
      return apply(draft.sagaId(), start);
    } catch (RuntimeException e) {
      // A started saga's retention starts when it settles: only one a failed start left CREATED
      // needs the stamp of its creation (no stamp kept for every saga while it is retained).
      if (saga.status() == SagaStatus.CREATED) {
        retention.restart(saga);
      }
      throw e;
    }
  }

  /** Runs one call on a saga ({@link MemorySaga#within}), then delivers the events it produced. */
  <T> T apply(String sagaId, Function<MemorySaga, T> call) {
    MemorySaga saga = sagas.get(sagaId);
    if (saga == null) {
      throw Rejection.NO_SUCH_SAGA.of(sagaId, name);
    }
    try {
      return saga.within(call);
    } finally {
      saga.outbox().deliver();
    }
  }

  Optional<MemorySaga> find(String sagaId) {
    return Optional.ofNullable(sagas.get(sagaId));
  }

  Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease, Consumer<Change> failed) {
    Optional<ReadyQueues.Entry> next;
    while ((next = queues.poll(workerName)).isPresent()) {
      ReadyQueues.Entry entry = next.get();
      if (!entry.isCurrent()) {
        continue; // stale: its saga's lock need not be taken to learn it
      }
      Optional<Claim> claim = claim(entry.step(),
          saga -> saga.claim(entry.step().stepId(), entry.number(), nodeId, now, lease, failed));
      if (claim.isPresent()) {
        return claim;
      }
    }
    return Optional.empty();
  }

  /**
   * Claims the head of the queue of {@code finished}'s worker when it is a step of the same saga, as
   * the Redis finish script does. Stale entries at the head are dropped first: this queue keeps them
   * after their step moved on, where Redis takes them out with the move.
   */
  Optional<Claim> claimQueuedHead(StepRef finished, ClaimRequest next) {
    Optional<MemorySaga> saga = find(finished.sagaId());
    if (saga.isEmpty()) {
      return Optional.empty();
    }
    String workerName = saga.get().workerOf(finished.stepId());
    if (!next.workerNames().contains(workerName)) {
      return Optional.empty();
    }
    Optional<ReadyQueues.Entry> head;
    while ((head = queues.peek(workerName)).isPresent()) {
      ReadyQueues.Entry entry = head.get();
      StepRef step = entry.step();
      if (!entry.isCurrent() || find(step.sagaId()).isEmpty()) {
        queues.remove(workerName, entry);
        continue;
      }
      if (!step.sagaId().equals(finished.sagaId())) {
        return Optional.empty();
      }
      Optional<Claim> claim = claim(step,
          owner -> owner.claimByEntry(step.stepId(), entry.number(), next.nodeId(), next.now(), next.lease()));
      claim.ifPresent(taken -> queues.remove(workerName, entry));
      return claim;
    }
    return Optional.empty();
  }

  private Optional<Claim> claim(StepRef step, Function<MemorySaga, Optional<Claim>> claiming) {
    return apply(step.sagaId(), claiming);
  }

  /**
   * Drops the sagas past their retention (settled, or never started) at {@code now}: the sweepers'
   * clock, as Redis expires keys on its own clock whatever time the transitions were given.
   */
  void dropExpired(Instant now) {
    for (Retention.Stamp stamp : retention.expired(now)) {
      sagas.computeIfPresent(stamp.sagaId(), (id, saga) -> {
        SagaStatus status = saga.status();
        return stamp.isLatestOf(saga) && (status == SagaStatus.CREATED || status.isSettled()) ? null : saga;
      });
    }
  }

  /**
   * Fires the timers due at {@code now}; called by the sweeper of every open view, which {@code here}
   * tells what its sweep settled or expired. Returns how many acted.
   */
  int sweep(Instant now, Here here) {
    int acted = 0;
    for (StepRef step : timers.takeDue(now)) {
      try {
        acted += apply(step.sagaId(), saga -> DueTimers.fire(saga, step.stepId(), now, timers, here)) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.warn("the due timer of " + step + " in namespace " + name + " failed", e);
      }
    }
    return acted;
  }

  List<String> unfinished() {
    return sagas.values().stream()
        .filter(s -> {
          SagaStatus status = s.status();
          return status == SagaStatus.RUNNING || status == SagaStatus.COMPENSATING;
        })
        .map(MemorySaga::id)
        .sorted()
        .toList();
  }

  /** The sagas that match {@code query}: as few as a page needs, in the order of pages. */
  SagaPage query(SagaQuery query) {
    Predicate<MemorySaga> waiting = query.waitingOn().<Predicate<MemorySaga>>map(worker -> saga -> saga.waitsOn(worker))
        .orElse(saga -> true);
    Predicate<SagaSummary> afterCursor = query.cursor().<Predicate<SagaSummary>>map(cursor -> cursor::comesBefore)
        .orElse(saga -> true);
    return Pages.of(sagas.values().stream().filter(waiting).map(MemorySaga::summary).filter(query::matches)
        .filter(afterCursor).sorted(SagaCursor.ORDER).limit(query.limit() + 1L).toList(), query.limit());
  }

  Map<SagaStatus, Long> countByStatus() {
    Map<SagaStatus, Long> counts = new EnumMap<>(SagaStatus.class);
    for (SagaStatus status : SagaStatus.values()) {
      counts.put(status, 0L);
    }
    sagas.values().forEach(saga -> counts.merge(saga.status(), 1L, Long::sum));
    return counts;
  }

  Map<String, Long> readyByWorker() {
    Map<String, Long> counts = new TreeMap<>();
    sagas.values().forEach(saga -> saga.countReady(counts));
    return counts;
  }

  List<ReadyQueue> readyQueues() {
    QueueDepths queues = new QueueDepths();
    sagas.values().forEach(saga -> saga.addReady(queues));
    return queues.queues();
  }

  void announce(NodeInfo node, Instant expires) {
    nodes.put(node.nodeId(), new Announcement(node, expires));
  }

  void withdraw(String nodeId) {
    nodes.remove(nodeId);
  }

  /** The nodes whose announcement lasts beyond {@code now}, by id; the expired ones are dropped. */
  List<NodeInfo> liveNodes(Instant now) {
    nodes.values().removeIf(announcement -> !announcement.expires().isAfter(now));
    return nodes.values().stream().map(Announcement::node).sorted(Comparator.comparing(NodeInfo::nodeId)).toList();
  }

  /** Subscribes {@code listener} to every event; to the moves that settle nothing now, or once it {@link Subscribers#wantMoves wants them}. */
  Subscribers.Subscriber subscribe(StoreListener listener, boolean moves) {
    return subscribers.add(listener, moves);
  }

  void wantMoves(Subscribers.Subscriber subscriber) {
    subscribers.wantMoves(subscriber);
  }

  void unsubscribe(Subscribers.Subscriber subscriber) {
    subscribers.remove(subscriber);
  }
}
