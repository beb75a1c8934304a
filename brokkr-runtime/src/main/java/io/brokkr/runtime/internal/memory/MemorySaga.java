package io.brokkr.runtime.internal.memory;

import static io.brokkr.runtime.StepStatus.CREATED;
import static io.brokkr.runtime.StepStatus.FAILED;
import static io.brokkr.runtime.StepStatus.FINISHED;
import static io.brokkr.runtime.StepStatus.QUEUED;
import static io.brokkr.runtime.StepStatus.RUNNING;
import static io.brokkr.runtime.StepStatus.SKIPPED;
import static io.brokkr.runtime.StepStatus.WAITING_FOR_COMPENSATION;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.internal.QueueDepths;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaTransition;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StepTransition;
import io.brokkr.runtime.spi.StoreLimits;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StoreEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One saga and the rules of {@link io.brokkr.runtime.spi.SagaStore}. Every public-facing operation
 * is synchronized: it checks all its preconditions before it changes anything, so a rejected call
 * leaves the saga as it was, and its events go to the outbox in the order of its transitions.
 *
 * <p>A store call runs its operations {@linkplain #within within} one hold of the lock, as a Redis
 * call runs one script: what they queue and publish goes out together at its end, so a step that the
 * call made ready and claimed for its caller is neither queued nor announced (as the Redis scripts
 * take it back before they write or announce it), and the outbox is taken once a call, not once an event.
 */
final class MemorySaga {
  private final String id;
  private final ReadyQueues queues;
  private final TimerIndex timers;
  private final Outbox outbox;
  /** The namespace's retention, which the saga joins when it settles. */
  private final Retention retention;
  private final StepTable steps = new StepTable();
  /**
   * The compensators, so that finishing the saga skips them without walking every step; none once
   * it FINISHED (see {@link #finishSaga}).
   */
  private List<MemoryStep> compensators = List.of();
  private final Optional<String> name;
  /** The trace context of the code that created the saga, handed to every claim. */
  private final Map<String, String> traceContext;
  /** The clock of the view that created the saga: the time of its changes, in milliseconds as on Redis. */
  private final Clock clock;
  /**
   * When the saga was created and last changed, in epoch milliseconds: numbers, not {@link Instant}s
   * a settled saga would keep for its retention (made when read).
   */
  private final long createdAt;
  private long updatedAt;
  private SagaStatus status = SagaStatus.CREATED;
  private Optional<SagaOutcome.Failure> failure = Optional.empty();
  private long lastToken;
  private long lastEntry;
  /** Steps (compensators aside) not yet FINISHED: the saga finishes when this reaches zero. */
  private int unfinished;
  /** While compensating: the actions not decided yet, and whether one is BLOCKED (CompensationPass). */
  int undoPending;
  boolean undoBlocked;
  private final History history = new History();
  /** The time {@link #now()} read last, and its milliseconds. */
  private @Nullable Instant lastNow;
  private long lastMillis;
  /** What the current operation made ready; reset at the start of each (most make nothing ready). */
  private List<Change.Ready> ready = List.of();
  /** Whether the current operation settled the saga; reset at the start of each. */
  private boolean settledNow;
  /**
   * The store call running {@link #within} the lock, whose events and queue entries wait for its end;
   * null between calls (one field: a settled saga is kept for its retention).
   */
  private @Nullable Call call;
  /** The sweep that last stamped the saga's retention ({@link Retention}); null before the first. */
  private volatile @Nullable Instant retainedFrom;

  /** A saga of a namespace of its own parts, whose retention nobody sweeps. */
  MemorySaga(String id, Optional<String> name, Clock clock, ReadyQueues queues, TimerIndex timers, Outbox outbox) {
    this(id, name, Map.of(), clock, queues, timers, outbox, new Retention(Duration.ZERO));
  }

  MemorySaga(String id, Optional<String> name, Map<String, String> traceContext, Clock clock, ReadyQueues queues,
      TimerIndex timers, Outbox outbox, Retention retention) {
    this.id = id;
    this.name = name;
    this.traceContext = traceContext;
    this.clock = clock;
    this.queues = queues;
    this.timers = timers;
    this.outbox = outbox;
    this.retention = retention;
    this.createdAt = now().toEpochMilli();
    this.updatedAt = createdAt;
    record(HistoryEntry.Kind.CREATED, null, null, status, null, null);
  }

  String id() {
    return id;
  }

  @Nullable Instant retainedFrom() {
    return retainedFrom;
  }

  void retainedFrom(Instant stamp) {
    retainedFrom = stamp;
  }

  Outbox outbox() {
    return outbox;
  }

  /**
   * Runs one store call's operations under the saga's lock; at its end the queue entries still
   * current go to their queues and the events to the outbox, together (also when it threw). A call
   * made from within another (a listener told on the calling thread) is part of it.
   */
  synchronized <T> T within(Function<MemorySaga, T> operations) {
    if (call != null) {
      return operations.apply(this);
    }
    Call running = new Call();
    call = running;
    try {
      return operations.apply(this);
    } finally {
      call = null;
      end(running);
    }
  }

  /**
   * What a store call queued and published, held until it ends. Read by index, and the entries' list
   * made only by a call that queues: a call is made for every store operation.
   */
  private static final class Call {
    final List<StoreEvent> events = new ArrayList<>();
    @Nullable List<ReadyQueues.Entry> entries;

    void queue(ReadyQueues.Entry entry) {
      if (entries == null) {
        entries = new ArrayList<>(2);
      }
      entries.add(entry);
    }
  }

  private void end(Call ended) {
    List<ReadyQueues.Entry> entries = ended.entries;
    for (int i = 0; entries != null && i < entries.size(); i++) {
      ReadyQueues.Entry entry = entries.get(i);
      if (entry.isCurrent()) { // else the call claimed or moved its step: nobody needs to hear of it
        queues.push(entry.holder().spec.workerName(), entry);
      }
    }
    if (!ended.events.isEmpty()) {
      outbox.add(ended.events);
    }
  }

  /** The saga's status; read under the lock by the pass, or racy but current by a caller. */
  synchronized SagaStatus status() {
    return status;
  }

  private SagaSnapshot snapshot() {
    return new SagaSnapshot(id, status, failure, steps.stream().map(MemoryStep::snapshot).toList(), name,
        Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt));
  }

  /**
   * The saga as it is, returned once the events of its moves so far were handed to the subscribers:
   * a node never shows a saga further along than its listeners were told.
   */
  SagaSnapshot snapshotOnceDelivered() {
    SagaSnapshot snapshot;
    long events;
    synchronized (this) {
      snapshot = snapshot();
      events = outbox.added();
    }
    outbox.awaitDelivered(events);
    return snapshot;
  }

  synchronized List<HistoryEntry> history() {
    return history.entries();
  }

  synchronized SagaSummary summary() {
    return new SagaSummary(id, name, status, Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt));
  }

  /** Adds the steps ready to be claimed (queued, not waiting out a backoff) to the counts by worker. */
  synchronized void countReady(Map<String, Long> byWorker) {
    steps.stream().filter(step -> step.status == QUEUED && step.retryAt.isEmpty())
        .forEach(step -> byWorker.merge(step.spec.workerName(), 1L, Long::sum));
  }

  /** Adds the steps {@link #countReady} counts to their workers' queues, each with when it was queued. */
  synchronized void addReady(QueueDepths queues) {
    steps.stream().filter(step -> step.status == QUEUED && step.retryAt.isEmpty())
        .forEach(step -> queues.add(step.spec.workerName(), 1, Optional.of(step.readyAt)));
  }

  /** Whether a step of {@code workerName} is ready to be claimed (queued, not waiting out a backoff). */
  synchronized boolean waitsOn(String workerName) {
    return steps.stream().anyMatch(step -> step.status == QUEUED && step.retryAt.isEmpty()
        && step.spec.workerName().equals(workerName));
  }

  synchronized Change addStep(StepSpec spec) {
    requireOpen();
    requireNewId(spec.stepId());
    Set<String> seen = new HashSet<>();
    for (String dependency : spec.dependsOn()) {
      MemoryStep d = steps.find(dependency);
      if (d == null) {
        throw Rejection.UNKNOWN_DEPENDENCY.of(id, spec.stepId(), dependency);
      }
      if (!seen.add(dependency)) {
        throw Rejection.DUPLICATE_DEPENDENCY.of(id, spec.stepId(), dependency);
      }
      if (d.isCompensator()) {
        throw Rejection.DEPENDENCY_ON_COMPENSATOR.of(id, spec.stepId(), dependency);
      }
    }
    begin();
    addDrafted(spec);
    return applied(Optional.empty());
  }

  /**
   * Adds a step without the checks {@link #addStep} makes, and reports nothing: for a saga being
   * created, whose draft {@link io.brokkr.runtime.spi.SagaDraft#check passed them}, so they are not
   * made twice. Called {@link #within} the lock.
   */
  void addDrafted(StepSpec spec) {
    MemoryStep step = new MemoryStep(id, spec, null);
    steps.add(step);
    unfinished++;
    List<String> dependencies = spec.dependsOn();
    for (int i = 0; i < dependencies.size(); i++) {
      MemoryStep d = steps.find(dependencies.get(i));
      d.addDependent(step);
      if (d.status != FINISHED) {
        step.unfinishedDependencies++;
      }
    }
    if (status == SagaStatus.RUNNING && step.unfinishedDependencies == 0) {
      queue(step);
    }
  }

  synchronized Change addCompensator(String stepId, StepSpec spec) {
    requireOpen();
    MemoryStep step = require(stepId);
    if (step.isCompensator()) {
      throw Rejection.COMPENSATOR_OF_COMPENSATOR.of(id, stepId);
    }
    if (step.compensator != null) {
      throw Rejection.COMPENSATOR_EXISTS.of(id, stepId, step.compensator);
    }
    requireNewId(spec.stepId());
    begin();
    // A compensator receives the result of the step it compensates, whatever the spec said; a spec
    // that says so already is kept as it is (a template's is shared by its sagas).
    boolean onItsStepAlone = spec.dependsOn().size() == 1 && spec.dependsOn().get(0).equals(stepId);
    StepSpec onlyItsStep = onItsStepAlone ? spec
        : new StepSpec(spec.stepId(), spec.workerName(), List.of(stepId), spec.argsJson(), spec.retry(), spec.timeout());
    MemoryStep compensator = new MemoryStep(id, onlyItsStep, stepId);
    steps.add(compensator);
    compensators = SmallLists.plus(compensators, compensator);
    step.compensator = compensator.id();
    return applied(Optional.empty());
  }

  synchronized Change start() {
    if (status != SagaStatus.CREATED) {
      throw Rejection.NOT_CREATED.of(id, status);
    }
    begin();
    history.reserve(History.linesOfARun(unfinished, compensators.size()));
    move(SagaStatus.RUNNING);
    for (MemoryStep step : actions()) {
      if (step.spec.dependsOn().isEmpty()) {
        queue(step);
      }
    }
    if (unfinished == 0) {
      finishSaga();
    }
    return applied(Optional.empty());
  }

  /**
   * Claims {@code stepId} for its queue entry {@code entry}; a stale entry yields empty and is gone.
   * A step whose inputs are over the claim limit fails for good instead: {@code failed} gets that change.
   */
  synchronized Optional<Claim> claim(String stepId, long entry, String nodeId, Instant now, Duration leaseTime,
      Consumer<Change> failed) {
    MemoryStep step = steps.find(stepId);
    if (step == null || step.entry != entry) {
      return Optional.empty();
    }
    step.entry = 0; // taken from the queue
    if (step.status == QUEUED && step.retryAt.isEmpty()) {
      Optional<String> tooLarge = inputsTooLarge(step);
      if (tooLarge.isPresent()) {
        // Nothing was done: an explicit failure, for good (no retry could shrink the inputs).
        failed.accept(fail(stepId, Settler.external(), tooLarge.get(), "", now));
        return Optional.empty();
      }
    }
    return claimMadeReady(stepId, nodeId, now, leaseTime);
  }

  /**
   * Why a claim may not hand over {@code step}'s inputs (its args and its dependencies' results),
   * as {@link StoreLimits#inputsTooLarge}. Counted in characters first (a character takes at most 3
   * bytes of UTF-8, a surrogate pair 4 for 2): inputs that fit that way are not encoded, so a claim
   * does not encode every result it hands over.
   */
  private Optional<String> inputsTooLarge(MemoryStep step) {
    // Plain loops: this runs at every claim, twice for a claim from the queue.
    List<String> dependencies = step.spec.dependsOn();
    long chars = step.spec.argsJson().length();
    for (int i = 0; i < dependencies.size(); i++) {
      chars += resultJson(dependencies.get(i)).length();
    }
    if (3 * chars <= StoreLimits.CLAIM_LIMIT) {
      return Optional.empty();
    }
    long bytes = utf8Length(step.spec.argsJson());
    for (int i = 0; i < dependencies.size(); i++) {
      bytes += utf8Length(resultJson(dependencies.get(i)));
    }
    return StoreLimits.inputsTooLarge(step.id(), bytes);
  }

  /** The result a dependency hands over: its JSON, {@code null} when it has none. */
  private String resultJson(String dependency) {
    String result = steps.find(dependency).result;
    return result == null ? "null" : result;
  }

  private static long utf8Length(String json) {
    return json.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The worker of {@code stepId}, a step of this saga. */
  synchronized String workerOf(String stepId) {
    return require(stepId).spec.workerName();
  }

  /**
   * Claims {@code stepId} by its current queue entry, as a claim from the queue would, except that
   * inputs over the claim limit leave it queued (the claim from the queue fails it); empty for a
   * stale entry.
   */
  synchronized Optional<Claim> claimByEntry(String stepId, long entry, String nodeId, Instant now, Duration leaseTime) {
    MemoryStep step = steps.find(stepId);
    return step != null && step.entry == entry ? claimMadeReady(stepId, nodeId, now, leaseTime) : Optional.empty();
  }

  /** Claims {@code stepId} if it is claimable, whatever its entry (left in the queue, stale). */
  synchronized Optional<Claim> claimMadeReady(String stepId, String nodeId, Instant now, Duration leaseTime) {
    MemoryStep step = steps.find(stepId);
    if (step == null || step.status != QUEUED || step.retryAt.isPresent()) {
      return Optional.empty();
    }
    if (inputsTooLarge(step).isPresent()) {
      return Optional.empty(); // left queued: the claim from its queue fails it
    }
    begin();
    step.attempt++;
    Lease lease = new Lease(++lastToken, nodeId, now.plus(leaseTime), step.spec.timeout().map(now::plus));
    step.lease = Optional.of(lease);
    move(step, RUNNING);
    unannounce(step);
    timers.arm(step, step.leaseDue());
    List<String> dependencies = step.spec.dependsOn();
    List<String> results = new ArrayList<>(dependencies.size());
    for (int i = 0; i < dependencies.size(); i++) {
      results.add(resultJson(dependencies.get(i)));
    }
    return Optional.of(new Claim(step.snapshot(), lease, results, traceContext, Optional.of(step.readyAt)));
  }

  /** Renews the lease of the attempt holding {@code token}; false when the token is stale. */
  synchronized boolean heartbeat(String stepId, long token, Instant until) {
    MemoryStep step = steps.find(stepId);
    if (step == null || !step.heldBy(token)) {
      return false;
    }
    Lease old = step.lease.orElseThrow();
    step.lease = Optional.of(new Lease(token, old.owner(), until, old.deadline()));
    timers.arm(step, step.leaseDue());
    return true;
  }

  synchronized Change finish(String stepId, Settler by, Optional<String> result) {
    MemoryStep step = require(stepId);
    if (!settleable(step, by)) {
      return Change.NONE;
    }
    begin();
    step.result = result.orElse(null);
    step.failureReason = Optional.empty();
    step.failureDetail = Optional.empty();
    step.possiblyDone = false;
    step.retryAt = Optional.empty(); // settled from outside during a backoff
    move(step, FINISHED);
    if (step.isCompensator()) {
      MemoryStep target = steps.find(step.compensates);
      move(target, StepStatus.COMPENSATED);
      CompensationPass.run(this, target);
    } else {
      unfinished--;
      advanceAfterFinish(step);
    }
    return applied(Optional.empty());
  }

  synchronized Change fail(String stepId, Settler by, String reason, String detail, Instant now) {
    MemoryStep step = require(stepId);
    if (!settleable(step, by)) {
      return Change.NONE;
    }
    begin();
    step.failureDetail = Optional.of(detail).filter(d -> !d.isEmpty());
    if (by instanceof Settler.Attempt && mayRetry(step)) {
      Instant at = now.plus(step.spec.retry().backoffBefore(step.attempt + 1));
      step.retryAt = Optional.of(at);
      step.failureReason = Optional.of(reason);
      move(step, QUEUED);
      timers.arm(step, at);
      return applied(Optional.of(at));
    }
    step.failureReason = Optional.of(reason);
    step.retryAt = Optional.empty();
    move(step, FAILED);
    if (step.isCompensator()) {
      MemoryStep target = steps.find(step.compensates);
      target.failureReason = Optional.of("compensator \"" + step.id() + "\" failed: " + reason);
      target.failureDetail = step.failureDetail;
      move(target, FAILED);
      CompensationPass.run(this, target);
    } else if (status == SagaStatus.RUNNING) {
      failure = Optional.of(new SagaOutcome.Failure(step.id(), reason));
      beginCompensation();
    } else {
      CompensationPass.run(this, step);
    }
    return applied(Optional.empty());
  }

  /** Fails the attempt holding {@code token}, whose outcome is unknown: the step is possibly done. */
  synchronized Change failUnknown(String stepId, long token, String reason, Instant now) {
    MemoryStep step = require(stepId);
    if (!step.heldBy(token)) {
      return Change.NONE;
    }
    step.possiblyDone = true;
    return fail(stepId, Settler.attempt(token), reason, "", now);
  }

  /** Gives the attempt holding {@code token} back without counting it (see SagaStore#handBack). */
  synchronized Change handBack(String stepId, long token, boolean mayHaveRun) {
    MemoryStep step = require(stepId);
    if (!step.heldBy(token)) {
      return Change.NONE;
    }
    step.possiblyDone |= mayHaveRun;
    if (!inPhase(step)) {
      return fail(stepId, Settler.external(), "attempt handed back after the saga moved on", "", Instant.EPOCH);
    }
    begin();
    step.attempt--;
    queue(step);
    return applied(Optional.empty());
  }

  synchronized Change cancel(String reason, String author) {
    if (status == SagaStatus.CREATED) {
      throw Rejection.NOT_RUNNING.of(id, status);
    }
    if (status != SagaStatus.RUNNING) {
      return Change.NONE;
    }
    begin();
    act(new OperatorAction(OperatorAction.Kind.CANCEL, Optional.empty(), author, reason));
    failure = Optional.of(new SagaOutcome.Failure("", reason));
    beginCompensation();
    return applied(Optional.empty());
  }

  /** An operator retries a FAILED saga (see SagaStore#retry). */
  synchronized Change retry(String author) {
    if (status == SagaStatus.CREATED || status == SagaStatus.RUNNING) {
      throw Rejection.NOT_FAILED.of(id, status);
    }
    if (status != SagaStatus.FAILED) {
      return Change.NONE;
    }
    begin();
    act(new OperatorAction(OperatorAction.Kind.RETRY, Optional.empty(), author, ""));
    move(SagaStatus.COMPENSATING);
    for (MemoryStep compensator : compensators) {
      if (compensator.status == FAILED) {
        MemoryStep target = steps.find(compensator.compensates);
        target.failureReason = Optional.empty();
        target.failureDetail = Optional.empty();
        move(target, StepStatus.COMPENSATING);
        compensator.attemptBase = compensator.attempt;
        queue(compensator);
      }
    }
    CompensationPass.begin(this);
    return applied(Optional.empty());
  }

  /** An operator settles a step by hand (see SagaStore#resolve). */
  synchronized Change resolve(String stepId, String note, String author) {
    MemoryStep step = resolvable(require(stepId));
    OperatorAction action = new OperatorAction(OperatorAction.Kind.RESOLVE, Optional.of(step.id()), author, note);
    if (step.status == QUEUED || step.status == RUNNING) {
      act(action);
      return finish(step.id(), Settler.external(), Optional.empty());
    }
    if (step.status == FINISHED || step.status == StepStatus.COMPENSATED) {
      return Change.NONE;
    }
    if (!step.isCompensator() || step.status != FAILED
        || (status != SagaStatus.FAILED && status != SagaStatus.COMPENSATING)) {
      throw Rejection.NOT_RESOLVABLE.of(id, step.id(), step.status, status);
    }
    begin();
    act(action);
    if (status == SagaStatus.FAILED) {
      move(SagaStatus.COMPENSATING);
    }
    step.failureReason = Optional.empty();
    step.failureDetail = Optional.empty();
    move(step, FINISHED);
    MemoryStep target = steps.find(step.compensates);
    target.failureReason = Optional.empty();
    target.failureDetail = Optional.empty();
    move(target, StepStatus.COMPENSATED);
    CompensationPass.begin(this);
    return applied(Optional.empty());
  }

  /** The step a resolve of {@code step} settles: its compensator when that is what failed or runs. */
  private MemoryStep resolvable(MemoryStep step) {
    Optional<MemoryStep> compensator = Optional.ofNullable(step.compensator).map(steps::find);
    boolean compensatorsTurn = step.status == StepStatus.COMPENSATING
        || (step.status == FAILED && compensator.map(c -> c.status == FAILED).orElse(false));
    return compensatorsTurn ? compensator.get() : step;
  }

  synchronized Change requeue(String stepId) {
    MemoryStep step = steps.find(stepId);
    if (step == null || step.status != QUEUED) {
      return Change.NONE;
    }
    begin();
    if (step.retryAt.isPresent()) {
      step.retryAt = Optional.empty();
      timers.disarm(step);
    }
    push(step);
    return applied(Optional.empty());
  }

  // ---- used by CompensationPass ----

  /** The steps that are not compensators, in the order they were added (a topological order). */
  List<MemoryStep> actions() {
    List<MemoryStep> actions = new ArrayList<>(steps.size());
    for (MemoryStep step : steps) {
      if (!step.isCompensator()) {
        actions.add(step);
      }
    }
    return actions;
  }

  MemoryStep step(String stepId) {
    return steps.find(stepId);
  }

  Collection<MemoryStep> dependentsOf(MemoryStep step) {
    return step.dependents();
  }

  /**
   * Moves a step along the transition table, which throws for an illegal move. What leaving QUEUED
   * or RUNNING ends (a backoff, a lease) ends with the move, its timer too, as in the Lua move().
   */
  void move(MemoryStep step, StepStatus to) {
    StepStatus from = step.status;
    StepTransition.of(id, step.id(), from, to);
    record(HistoryEntry.Kind.STEP_MOVED, step.id(), from, to, step, stepMoveReason(step, from, to));
    if (from == QUEUED) {
      step.entry = 0; // what its queue still holds is stale
    }
    if (from == QUEUED || from == RUNNING) {
      timers.disarm(step);
    }
    if (from == RUNNING) {
      step.lease = Optional.empty();
    }
    step.status = to;
    if (outbox.movesWanted()) {
      publish(new StoreEvent.StepMoved(id, step.id(), step.spec.workerName(), from, to));
    } else {
      changed(); // unheard, all the same
    }
  }

  /** Moves the saga along the transition table, which throws for an illegal move. */
  void move(SagaStatus to) {
    SagaStatus from = status;
    SagaTransition.of(id, from, to);
    record(HistoryEntry.Kind.SAGA_MOVED, null, from, to, null,
        to == SagaStatus.COMPENSATING && from == SagaStatus.RUNNING
            ? failure.map(SagaOutcome.Failure::reason).orElse(null) : null);
    status = to;
    if (to.isSettled()) {
      settledNow = true;
      history.trim();
      retention.restart(this);
    }
    if (to.isSettled() || outbox.movesWanted()) { // a settling completes outcomes: always told
      publish(new StoreEvent.SagaMoved(id, from, to));
    } else {
      changed();
    }
  }

  /** Why a step moved, for its history: a failure, or a failed attempt that is retried after a backoff. */
  private static @Nullable String stepMoveReason(MemoryStep step, StepStatus from, StepStatus to) {
    boolean retried = from == RUNNING && to == QUEUED && step.retryAt.isPresent();
    return to == FAILED || retried ? step.failureReason.orElse(null) : null;
  }

  /**
   * Adds an entry to the history; a step's attempt, and for a move into or out of RUNNING its node
   * and fencing token, as the Lua history_entry() records them.
   */
  private void record(HistoryEntry.Kind kind, @Nullable String stepId, @Nullable Enum<?> from, Enum<?> to,
      @Nullable MemoryStep step, @Nullable String reason) {
    boolean leased = step != null && step.lease.isPresent() && (from == RUNNING || to == RUNNING);
    history.move(now(), kind, stepId, from, to, leased ? step.lease.get().owner() : null, step == null ? 0 : step.attempt,
        leased ? step.lease.get().token() : 0, reason);
  }

  /** Records an operator action, first in the history and the events of the change it makes. */
  private void act(OperatorAction action) {
    history.action(now(), action);
    publish(new StoreEvent.Acted(id, action));
  }

  /** Moves a step to QUEUED and makes it claimable. */
  void queue(MemoryStep step) {
    move(step, QUEUED);
    push(step);
  }

  // ---- internals ----

  private void push(MemoryStep step) {
    StepRef ref = step.ref();
    if (step.entry == 0) {
      step.entry = ++lastEntry;
      step.readyAt = now();
      ReadyQueues.Entry entry = new ReadyQueues.Entry(ref, step.entry, step);
      if (call != null) {
        call.queue(entry);
      } else {
        queues.push(step.spec.workerName(), entry);
      }
    }
    if (ready.isEmpty()) {
      ready = new ArrayList<>(2);
    }
    ready.add(new Change.Ready(ref, step.spec.workerName()));
    publish(new StoreEvent.WorkReady(id, step.id(), step.spec.workerName()));
  }

  /** An event of this saga: the saga changed now. */
  private void publish(StoreEvent event) {
    changed();
    if (call != null) {
      call.events.add(event);
    } else {
      outbox.add(List.of(event));
    }
  }

  /** The saga changed now. */
  private void changed() {
    updatedAt = now().toEpochMilli();
  }

  /** Takes back the announcement of a step that the current call made ready, then claimed: nobody else may take it. */
  private void unannounce(MemoryStep step) {
    if (call == null) {
      return;
    }
    List<StoreEvent> events = call.events;
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof StoreEvent.WorkReady ready && ready.stepId().equals(step.id())) {
        events.remove(i);
        return;
      }
    }
  }

  private Instant now() {
    // One Instant per millisecond, not per entry and event: a change records several at once; and
    // one read of the clock.
    long millis = clock.millis();
    if (millis != lastMillis || lastNow == null) {
      lastNow = Instant.ofEpochMilli(millis);
      lastMillis = millis;
    }
    return lastNow;
  }

  private void begin() {
    ready = List.of();
    settledNow = false;
  }

  private Change applied(Optional<Instant> retryAt) {
    return new Change(true, ready, retryAt, List.of(),
        settledNow && status.isSettled() ? Optional.of(new Settling(id, name, status, Instant.ofEpochMilli(createdAt),
            Optional.of(outcome())))
            : Optional.empty());
  }

  /** The outcome as the saga is now: each step's result (compensators excluded) in the order added, and the failure. */
  private StoreEvent.Settlement outcome() {
    Map<String, String> results = new LinkedHashMap<>();
    for (MemoryStep step : steps) {
      if (!step.isCompensator()) {
        if (step.result != null) {
          results.put(step.id(), step.result);
        }
      }
    }
    return new StoreEvent.Settlement(failure, results);
  }

  private void requireOpen() {
    if (status != SagaStatus.CREATED && status != SagaStatus.RUNNING) {
      throw Rejection.SAGA_CLOSED.of(id, status);
    }
  }

  private void requireNewId(String stepId) {
    if (steps.find(stepId) != null) {
      throw Rejection.DUPLICATE_STEP.of(id, stepId);
    }
  }

  private MemoryStep require(String stepId) {
    MemoryStep step = steps.find(stepId);
    if (step == null) {
      throw Rejection.NO_SUCH_STEP.of(id, stepId);
    }
    return step;
  }

  /** Whether {@code by} may settle the step now; a settled step or a stale token is a quiet no. */
  private boolean settleable(MemoryStep step, Settler by) {
    if (by instanceof Settler.Attempt attempt) {
      return step.heldBy(attempt.token());
    }
    if (step.status == CREATED || step.status == WAITING_FOR_COMPENSATION) {
      throw Rejection.NOT_STARTED.of(id, step.id(), step.status);
    }
    return step.status == QUEUED || step.status == RUNNING;
  }

  /** Retries happen only while the step's phase lasts: actions while RUNNING, compensators after. */
  private boolean mayRetry(MemoryStep step) {
    return inPhase(step) && step.attempt - step.attemptBase < step.spec.retry().maxAttempts();
  }

  private boolean inPhase(MemoryStep step) {
    return step.isCompensator() ? status == SagaStatus.COMPENSATING : status == SagaStatus.RUNNING;
  }

  private void advanceAfterFinish(MemoryStep step) {
    if (status == SagaStatus.COMPENSATING) {
      CompensationPass.run(this, step);
      return;
    }
    // Counted, not scanned: a completion costs its dependents, not their dependencies.
    List<MemoryStep> dependents = step.dependents();
    for (int i = 0; i < dependents.size(); i++) {
      MemoryStep dependent = dependents.get(i);
      if (--dependent.unfinishedDependencies == 0 && dependent.status == CREATED) {
        queue(dependent);
      }
    }
    if (unfinished == 0) {
      finishSaga();
    }
  }

  private void finishSaga() {
    for (MemoryStep step : compensators) {
      if (step.status == WAITING_FOR_COMPENSATION) {
        move(step, SKIPPED);
      }
    }
    move(SagaStatus.FINISHED);
    // Nothing follows FINISHED (no step is added, none compensated or retried): the links the rules
    // walk are let go, and a saga kept for its retention keeps fewer objects.
    compensators = List.of();
    for (MemoryStep step : steps) {
      step.dropDependents();
      step.readyAt = Instant.EPOCH; // read only while the step is queued or claimed
    }
    lastNow = null;
  }

  private void beginCompensation() {
    move(SagaStatus.COMPENSATING);
    for (MemoryStep step : actions()) {
      if (step.status == CREATED) {
        move(step, SKIPPED);
      } else if (step.status == QUEUED) {
        step.retryAt = Optional.empty();
        move(step, SKIPPED);
      }
    }
    CompensationPass.begin(this);
  }
}
