package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.IllegalTransitionException;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreLimits;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's view of a namespace in Redis. Each changing method is one script call; the answers are
 * decoded into the SPI's types. The store has one thread of its own: it delivers events in order
 * and sweeps due timers and lingering queues (see {@link Sweeper}).
 */
final class RedisSagaStore implements SagaStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisSagaStore.class);

  private final KeyLayout keys;
  private final ScriptCalls calls;
  private final StoreLimits limits;
  private final Argv argv;
  private final Snapshots snapshots = new Snapshots();
  private final Progress progress = new Progress();
  private final OwnSagas own = new OwnSagas();
  private final ReadyHeads heads;
  private final Claims claims;
  private final ScheduledThreadPoolExecutor thread;
  private volatile Optional<Thread> ownThread = Optional.empty();
  private final EventHub events;
  private final PassOn passOn;
  private final Sweeper sweeper;
  private final Clock clock;
  private final SagaIndex index;
  private final NodeAnnouncements nodes;
  private final Duration retention;
  /** This view's listeners, told what its own calls and sweeps settled or expired. */
  private final List<StoreListener> local = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  RedisSagaStore(KeyLayout keys, ScriptCalls calls, StoreLimits limits, Duration retention, Duration sweepEvery,
      Duration passOnAfter, Clock clock) {
    this.keys = keys;
    this.clock = clock;
    this.calls = calls;
    this.limits = limits;
    String inbox = keys.inboxChannel(Ids.inbox(calls.subscribesOnMasters()));
    this.argv = new Argv(inbox, retention.toMillis());
    this.retention = retention;
    this.index = new SagaIndex(keys, calls);
    this.nodes = new NodeAnnouncements(keys, calls);
    this.heads = new ReadyHeads(keys.partitions());
    this.thread = new ScheduledThreadPoolExecutor(1, task -> {
      Thread t = new Thread(task, "brokkr-redis-" + keys.namespace());
      t.setDaemon(true);
      ownThread = Optional.of(t);
      return t;
    });
    thread.setRemoveOnCancelPolicy(true);
    this.passOn = new PassOn(heads, keys, thread, calls::publish, passOnAfter);
    this.events = new EventHub(calls.topics(inbox), calls.listener(), keys, inbox, thread, snapshots, progress, this::arrived,
        entry -> heads.announce(entry, keys.partitionOf(entry.step().sagaId())), passOn::toldFirst, this::resubscribed);
    this.claims = new Claims(keys, calls, argv, heads, snapshots, events::worker,
        settling -> tellHere(Optional.of(settling), Optional.empty()), this::lookAgain);
    this.sweeper = new Sweeper(this, claims, keys, calls, heads, events);
    thread.scheduleWithFixedDelay(sweeper::sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How transitions wait for replicas: {@code WAIT n ms}, {@code WAITAOF 1 n ms} or {@code none}. */
  String durability() {
    return calls.durability();
  }

  @Override
  public String namespace() {
    return keys.namespace();
  }

  @Override
  public String toString() {
    return "Redis store (" + keys.partitions() + " partitions, durability " + durability() + ")";
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name) {
    createSaga(sagaId, name, Map.of());
  }

  @Override
  public void createSaga(String sagaId, Optional<String> name, Map<String, String> traceContext) {
    StoreLimits.checkId("saga id", sagaId);
    name.ifPresent(n -> StoreLimits.checkId("saga name", n));
    own.add(sagaId);
    events.ownSagas();
    change(sagaId, calls.transition(Script.CREATE, keys.keys(sagaId),
        argv.of(sagaId, List.of(name.orElse(""), snapshots.contextJson(traceContext)))));
  }

  @Override
  public Change addStep(String sagaId, StepSpec step) {
    limits.checkNewStep(sagaId, step, "");
    return change(sagaId, calls.transition(Script.ADD_STEP, keys.keys(sagaId),
        argv.of(sagaId, stepArgs(step, step.dependsOn()))));
  }

  @Override
  public Change addCompensator(String sagaId, String stepId, StepSpec compensator) {
    limits.checkNewStep(sagaId, compensator, "compensator ");
    List<Object> args = new ArrayList<>(List.of(stepId));
    // A compensator receives the result of the step it compensates, whatever its spec said.
    args.addAll(stepArgs(compensator, List.of(stepId)));
    return change(sagaId, calls.transition(Script.ADD_COMPENSATOR, keys.keys(sagaId), argv.of(sagaId, args)));
  }

  @Override
  public Change start(String sagaId) {
    return change(sagaId, calls.transition(Script.START, keys.keys(sagaId), argv.of(sagaId, List.of())));
  }

  @Override
  public Change createAndStart(SagaDraft draft) {
    return createAndStart(draft, List.of());
  }

  @Override
  public Change createStartAndClaim(SagaDraft draft, ClaimRequest next, int max) {
    if (max < 1) {
      return createAndStart(draft);
    }
    List<Object> claim = new ArrayList<>(List.of(max, next.nodeId(), next.now().toEpochMilli(), next.lease().toMillis()));
    next.workerNames().stream().filter(StoreLimits::isValidId).forEach(claim::add);
    return createAndStart(draft, claim);
  }

  /** The create-and-start script, with the terms of a claim of what it makes ready, or none. */
  private Change createAndStart(SagaDraft draft, List<Object> claim) {
    String sagaId = draft.sagaId();
    limits.check(draft);
    draft.check();
    draft.name().ifPresent(n -> StoreLimits.checkId("saga name", n));
    own.add(sagaId);
    events.ownSagas();
    List<Object> args = new ArrayList<>();
    args.add(draft.name().orElse(""));
    args.add(draft.steps().size());
    args.add(claim.size());
    args.addAll(claim);
    for (StepSpec step : draft.steps()) {
      args.add(step.dependsOn().size());
      args.addAll(stepArgs(step, step.dependsOn()));
    }
    draft.compensators().forEach((stepId, compensator) -> {
      args.add(stepId);
      args.addAll(stepArgs(compensator, List.of()));
    });
    if (!draft.traceContext().isEmpty()) {
      args.add(snapshots.contextJson(draft.traceContext())); // after the compensators: see create_start.lua
    }
    return change(sagaId, calls.transition(Script.CREATE_START, keys.keys(sagaId), argv.of(sagaId, args)));
  }

  @Override
  public Optional<Claim> claimNext(String workerName, String nodeId, Instant now, Duration lease) {
    if (!StoreLimits.isValidId(workerName)) {
      return Optional.empty(); // no step of such a worker can have been added
    }
    return claims.next(workerName, nodeId, now, lease);
  }

  @Override
  public boolean heartbeat(StepRef step, long token, Instant until) {
    Reply reply = Reply.decode(calls.plain(Script.HEARTBEAT, keys.keys(step.sagaId()),
        argv.of(step.sagaId(), List.of(step.stepId(), token, until.toEpochMilli()))));
    return reply instanceof Reply.Applied;
  }

  @Override
  public Change finish(StepRef step, Settler by, Optional<String> resultJson) {
    return finish(step, by, resultJson, List.of(), Optional.empty());
  }

  @Override
  public Change finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("a completion claims at least 1 step, not " + max);
    }
    List<Object> claim = new ArrayList<>(List.of(next.nodeId(), next.now().toEpochMilli(), next.lease().toMillis(), max));
    // When it claims nothing else, the call claims the head this node knows of one of its workers'
    // queues in the saga's partition (whose keys it may name): the thread the step gives back takes
    // it without a claim call of its own.
    Optional<Entry> then = heads.headIn(keys.partitionOf(step.sagaId()), next.workerNames());
    try {
      if (then.isPresent()) {
        Entry entry = then.get();
        claim.addAll(List.of(entry.step().sagaId(), entry.worker(), entry.raw(), entry.step().stepId()));
      } else {
        claim.addAll(List.of("", "", "", ""));
      }
      next.workerNames().stream().filter(StoreLimits::isValidId).forEach(claim::add);
      return finish(step, by, resultJson, claim, then);
    } finally {
      // The head it named is free for this node's other claims again, whatever became of the call.
      then.ifPresent(claims::ended);
    }
  }

  /**
   * The finish script, with the terms of a claim of what it makes ready, or none, and the entry of
   * another saga's step it then claims if it claimed nothing else.
   */
  private Change finish(StepRef step, Settler by, Optional<String> resultJson, List<Object> claim, Optional<Entry> then) {
    Optional<String> tooLarge = limits.resultTooLarge(step, resultJson);
    if (tooLarge.isPresent()) {
      if (by instanceof Settler.Attempt) {
        // The attempt cannot deliver its result: it failed, and is retried by its policy.
        return fail(step, by, tooLarge.get(), clock.instant());
      }
      throw new IllegalArgumentException(tooLarge.get());
    }
    List<Object> args = new ArrayList<>(List.of(step.stepId(), token(by), resultJson.isPresent() ? "1" : "0",
        resultJson.orElse("")));
    args.addAll(claim);
    List<Object> thenKeys = then.map(entry -> List.<Object>of(keys.sagaKey(entry.step().sagaId()),
        keys.historyKey(entry.step().sagaId()))).orElse(List.of());
    return change(step.sagaId(), calls.transition(Script.FINISH, keys.keys(step.sagaId()), thenKeys,
        argv.of(step.sagaId(), args)), Optional.empty(), then);
  }

  /**
   * Wakes this view's claimers of a worker whose head a claim passed over while another thread of
   * this node was claiming it: that claim ended, and the queue may hold more (on the store's thread,
   * as an announcement would).
   */
  private void lookAgain(Entry head) {
    try {
      thread.execute(() -> events.deliverLocally(
          new StoreEvent.WorkReady(head.step().sagaId(), head.step().stepId(), head.worker())));
    } catch (RejectedExecutionException closing) {
      // The store is closing: nobody claims any more.
    }
  }

  @Override
  public Change fail(StepRef step, Settler by, String reason, String detail, Instant now) {
    Objects.requireNonNull(detail, "detail");
    return change(step.sagaId(), calls.transition(Script.FAIL, keys.keys(step.sagaId()), argv.of(step.sagaId(),
        List.of(step.stepId(), token(by), limits.cut(reason), now.toEpochMilli(), limits.cut(detail)))));
  }

  @Override
  public Change failUnknown(StepRef step, long token, String reason, Instant now) {
    return change(step.sagaId(), calls.transition(Script.FAIL_UNKNOWN, keys.keys(step.sagaId()), argv.of(step.sagaId(),
        List.of(step.stepId(), token, limits.cut(reason), now.toEpochMilli()))));
  }

  @Override
  public Change handBack(StepRef step, long token, boolean mayHaveRun) {
    return change(step.sagaId(), calls.transition(Script.HAND_BACK, keys.keys(step.sagaId()), argv.of(step.sagaId(),
        List.of(step.stepId(), token, mayHaveRun ? "1" : "0"))));
  }

  @Override
  public Change requeue(StepRef step) {
    return change(step.sagaId(), calls.transition(Script.REQUEUE, keys.keys(step.sagaId()),
        argv.of(step.sagaId(), List.of(step.stepId()))));
  }

  @Override
  public int fireDue(Instant now) {
    return sweeper.fireDue(now);
  }

  /** The clock this view was opened with: the time of its sweeps. */
  Clock clock() {
    return clock;
  }

  @Override
  public Optional<SagaSnapshot> load(String sagaId) {
    // One HGETALL in a script: a consistent view of the saga, read on the master whatever the
    // client's read mode, so that it shows this node's own writes.
    Map<String, String> hash = pairs(calls.plain(Script.LOAD, List.of(keys.sagaKey(sagaId))));
    // Show nothing this node's listeners have not seen yet (they run on the store's thread: it does not wait).
    if (hash.containsKey("seq") && !onOwnThread()) {
      progress.await(sagaId, Long.parseLong(hash.get("seq")));
    }
    return snapshots.saga(sagaId, hash);
  }

  @Override
  public List<String> unfinishedSagas() {
    List<RFuture<List<Object>>> members = calls.batch("active", batch -> {
      List<RFuture<List<Object>>> futures = new ArrayList<>();
      for (int p = 0; p < keys.partitions(); p++) {
        futures.add(batch.getScript(ScriptCodec.INSTANCE).evalShaAsync(RScript.Mode.READ_WRITE, calls.sha(Script.ACTIVE),
            RScript.ReturnType.MULTI, List.of(keys.activeKey(p))));
      }
      return futures;
    });
    TreeSet<String> ids = new TreeSet<>();
    members.forEach(m -> m.toCompletableFuture().join().forEach(id -> ids.add(id.toString())));
    return List.copyOf(ids);
  }

  @Override
  public Change cancel(String sagaId, String reason, String author) {
    return change(sagaId, calls.transition(Script.CANCEL, keys.keys(sagaId),
        argv.of(sagaId, List.of(limits.cut(reason), limits.cut(author)))));
  }

  @Override
  public Change retry(String sagaId, String author) {
    return change(sagaId, calls.transition(Script.RETRY, keys.keys(sagaId), argv.of(sagaId, List.of(limits.cut(author)))));
  }

  @Override
  public Change resolve(StepRef step, String note, String author) {
    return change(step.sagaId(), calls.transition(Script.RESOLVE, keys.keys(step.sagaId()),
        argv.of(step.sagaId(), List.of(step.stepId(), limits.cut(note), limits.cut(author)))));
  }

  @Override
  public List<HistoryEntry> history(String sagaId) {
    // Read on the master by a script, as load() reads the saga.
    return HistoryEntries.decode(calls.plain(Script.HISTORY, List.of(keys.historyKey(sagaId)), HistoryEntry.LIMIT));
  }

  @Override
  public SagaPage query(SagaQuery query) {
    return index.query(query);
  }

  @Override
  public Map<SagaStatus, Long> countByStatus() {
    return index.countByStatus();
  }

  @Override
  public Map<String, Long> readyByWorker() {
    return index.readyByWorker();
  }

  @Override
  public List<ReadyQueue> readyQueues() {
    return index.readyQueues();
  }

  @Override
  public void announce(NodeInfo node, Duration ttl) {
    nodes.announce(node, ttl);
  }

  @Override
  public void withdraw(String nodeId) {
    nodes.withdraw(nodeId);
  }

  @Override
  public List<NodeInfo> liveNodes() {
    return nodes.live();
  }

  /** Drops the index entries of sagas past their retention; called by the sweeper now and then. */
  long trimIndex() {
    return index.trim(retention);
  }

  @Override
  public Subscription subscribe(StoreListener listener) {
    events.everything();
    return listen(listener);
  }

  @Override
  public Subscription subscribeToOwnWork(StoreListener listener) {
    return listen(listener);
  }

  /** Hands {@code listener} this view's events and what its own calls and sweeps settled or expired. */
  private Subscription listen(StoreListener listener) {
    Subscription subscription = events.subscribe(listener);
    local.add(listener);
    return () -> {
      local.remove(listener);
      subscription.close();
    };
  }

  /**
   * Tells this view's own listeners what its call or sweep settled, and whose lease its sweep found
   * expired (the step and its worker).
   */
  private void tellHere(Optional<Settling> settling, Optional<Change.Ready> leaseExpired) {
    for (StoreListener listener : local) {
      settling.ifPresent(settled -> tell(() -> listener.settledHere(settled)));
      leaseExpired.ifPresent(expired -> tell(() -> listener.leaseExpiredHere(expired.step(), expired.workerName())));
    }
  }

  /** Runs one report to a listener: one that fails is logged and keeps no other report from running. */
  private void tell(Runnable report) {
    try {
      report.run();
    } catch (RuntimeException e) {
      LOG.warn("a listener of Brokkr namespace " + keys.namespace() + " failed", e);
    }
  }

  @Override
  public boolean follow(String sagaId) {
    if (own.contains(sagaId) || events.watchesEverything()) {
      return false;
    }
    // A saga's messages go to the inbox of the view that created it: hearing that inbox is enough.
    // A saga without one (created before inboxes existed, or gone), or whose inbox cannot be read
    // now, is heard by watching everything (which a failure does not fail either).
    String inbox;
    try {
      inbox = String.valueOf(calls.plain(Script.INBOX, List.of(keys.sagaKey(sagaId))).get(0));
    } catch (RuntimeException e) {
      LOG.warn("could not read the inbox of saga " + sagaId + "; hearing every saga instead", e);
      inbox = "";
    }
    return inbox.isEmpty() ? events.everything() : events.inboxOf(keys.inboxChannel(inbox));
  }

  @Override
  public void followAll() {
    events.everything();
  }

  /** Hands the other nodes the heads this view was told first and did not take, and from now on all it is told first. */
  @Override
  public void takeNoMoreWork() {
    passOn.handOver();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    thread.shutdownNow();
    events.close();
    // A listener may close its node from the store's own thread, which cannot wait for itself.
    if (!onOwnThread()) {
      try {
        thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    calls.closed();
  }

  /** Fires a due timer of {@code step}: an expired lease or an ended backoff. Called by the sweep. */
  boolean fireTimer(StepRef step, Instant now) {
    Change change = change(step.sagaId(), calls.transition(Script.TIMER, keys.keys(step.sagaId()),
        argv.of(step.sagaId(), List.of(step.stepId(), now.toEpochMilli()))), Optional.of(step));
    change.retryAt().ifPresent(at -> thread.schedule(() -> requeue(step),
        Math.max(0, Duration.between(clock.instant(), at).toMillis()), TimeUnit.MILLISECONDS));
    return change.applied();
  }

  private static Map<String, String> pairs(List<Object> flat) {
    Map<String, String> hash = new HashMap<>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      hash.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
    }
    return hash;
  }

  private boolean onOwnThread() {
    return ownThread.equals(Optional.of(Thread.currentThread()));
  }

  /** After a broken subscription: ready heads and awaited messages of the gap are unknown. */
  private void resubscribed() {
    heads.forget();
    progress.forgetAll();
  }

  private void arrived(Message message) {
    int partition = keys.partitionOf(message.sagaId());
    message.ready().forEach(entry -> heads.announce(entry, partition));
  }

  private Change change(String sagaId, List<Object> raw) {
    return change(sagaId, raw, Optional.empty());
  }

  private Change change(String sagaId, List<Object> raw, Optional<StepRef> timerOf) {
    return change(sagaId, raw, timerOf, Optional.empty());
  }

  /**
   * The change a script answered; {@code timerOf}: the step whose due timer it fired; {@code then}:
   * the entry whose claim the call made after the change when it claimed nothing else.
   */
  private Change change(String sagaId, List<Object> raw, Optional<StepRef> timerOf, Optional<Entry> then) {
    Reply reply = Reply.decode(raw);
    if (reply instanceof Reply.Applied applied) {
      // Awaited by reads only when its message reaches this view: a saga of its own, or it watches all.
      if (applied.published() > 0 && ((own.contains(sagaId) && events.hearsOwnSagas()) || events.watchesEverything())) {
        progress.willArrive(sagaId, applied.published());
      }
      int partition = keys.partitionOf(sagaId);
      applied.ready().forEach(entry -> heads.announce(entry, partition));
      // A step claimed from its queue's head waited there since its entry was made; one the change
      // made ready, not at all.
      Optional<Instant> readyAt = applied.queueHead().map(head -> {
        heads.learn(head.claimed().worker(), partition, head.sequence(), head.following());
        return head.claimed().queuedAt();
      });
      Optional<Settling> settling = applied.settled().map(settled -> settled.of(sagaId, snapshots));
      List<Claim> granted = new ArrayList<>(applied.claims().stream()
          .map(grant -> Claims.claim(snapshots, sagaId, grant, readyAt)).toList());
      applied.claimAfter().flatMap(after -> claims.answered(then.orElseThrow(), after)).ifPresent(granted::add);
      Change change = new Change(true, applied.ready().stream().map(e -> new Change.Ready(e.step(), e.worker())).toList(),
          applied.retryAt(), granted, settling);
      Optional<String> leaseExpired = timerOf.isPresent() ? applied.leaseExpired() : Optional.empty();
      if (settling.isPresent() || leaseExpired.isPresent()) {
        tellHere(settling, leaseExpired.flatMap(worker -> timerOf.map(step -> new Change.Ready(step, worker))));
      }
      return change;
    }
    if (reply instanceof Reply.Noop || reply instanceof Reply.Stale) {
      return Change.NONE;
    }
    if (reply instanceof Reply.Rejected rejected) {
      Object[] details = rejected.reason() == Rejection.NO_SUCH_SAGA
          ? new Object[] {keys.namespace()}
          : rejected.details().toArray();
      throw rejected.reason().of(sagaId, details);
    }
    throw unexpected(sagaId, reply);
  }

  private static RuntimeException unexpected(String sagaId, Reply reply) {
    if (reply instanceof Reply.Illegal illegal) {
      return new IllegalTransitionException(sagaId, illegal.stepId().isEmpty() ? Optional.empty() : Optional.of(illegal.stepId()),
          illegal.from(), illegal.to());
    }
    return new IllegalStateException("unexpected reply from a Brokkr script: " + reply);
  }

  private static List<Object> stepArgs(StepSpec step, List<String> dependsOn) {
    List<Object> args = new ArrayList<>(List.of(step.stepId(), step.workerName(), step.argsJson(),
        step.retry().maxAttempts(), step.retry().initialBackoff().toMillis(), Double.toString(step.retry().multiplier()),
        step.retry().maxBackoff().toMillis(), step.timeout().map(t -> (Object) t.toMillis()).orElse("")));
    args.addAll(dependsOn);
    return args;
  }

  private static Object token(Settler by) {
    return by instanceof Settler.Attempt attempt ? attempt.token() : "";
  }
}
