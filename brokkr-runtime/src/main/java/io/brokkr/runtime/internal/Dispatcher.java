package io.brokkr.runtime.internal;

import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes ready steps of the workers registered on this node, as many as the node's concurrency
 * allows, and hands them to the attempt runner. It is woken (never polls): when a step becomes
 * ready for one of its workers, when an attempt returns its permit, when a worker registers, and
 * when workers start again. One thread at a time drains; a wake-up during a drain makes it go round
 * again, so no wake-up is lost.
 */
final class Dispatcher implements AttemptRunner.Successors {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final SagaStore store;
  private final NodeOptions options;
  private final Timers timers;
  private final AttemptRunner runner;
  private final Map<String, Registered> workers = new ConcurrentHashMap<>();
  /** The names of {@link #workers}, immutable, so that a claim request does not copy them each time. */
  private volatile Set<String> names = Set.of();
  /** The {@link #workers}, immutable, for the drain and the idle threads' rotation. */
  private volatile List<Registered> order = List.of();
  private final Semaphore permits;
  private final AtomicInteger wakeUps = new AtomicInteger();
  /** Where the next idle thread starts looking, so that every worker's queue is served in turn. */
  private final AtomicInteger rotation = new AtomicInteger();
  private volatile boolean taking = true;
  private volatile boolean closed;

  Dispatcher(SagaStore store, NodeOptions options, Timers timers, AttemptRunner runner) {
    this.store = store;
    this.options = options;
    this.timers = timers;
    this.runner = runner;
    this.permits = new Semaphore(options.concurrency());
  }

  /**
   * A worker registered here, and whether its ready queue may hold work: a flag of its own, so that
   * threads raising and taking the flags of a few workers do not queue on one map bin's lock (a
   * holder the scheduler pauses on 2 cores holds up every thread behind it).
   */
  private record Registered(Worker worker, AtomicBoolean maybeReady) {
    String name() {
      return worker.name();
    }
  }

  void register(Worker worker) {
    // One registration at a time: each copies the workers after its own, so none is left out.
    synchronized (this) {
      if (workers.putIfAbsent(worker.name(), new Registered(worker, new AtomicBoolean())) != null) {
        throw new IllegalArgumentException("a worker named \"" + worker.name() + "\" is registered on node "
            + options.nodeId() + " already");
      }
      names = Set.copyOf(workers.keySet());
      order = List.copyOf(workers.values());
    }
    ready(worker.name());
  }

  /** Work may be ready for {@code workerName}; ignored unless it is registered here. */
  void ready(String workerName) {
    Registered registered = workers.get(workerName);
    if (registered != null) {
      registered.maybeReady().set(true);
      wake();
    }
  }

  /** An attempt gave its thread back. */
  @Override
  public void releasePermit() {
    permits.release();
    wake();
  }

  @Override
  public int reservePermits() {
    if (!taking || closed) {
      return 0;
    }
    int reserved = 0;
    while (permits.tryAcquire()) {
      reserved++;
    }
    return reserved;
  }

  @Override
  public void giveBackPermits(int count) {
    permits.release(count);
  }

  @Override
  public void wakeUp() {
    wake();
  }

  @Override
  public Optional<ClaimRequest> request() {
    if (!taking || closed) {
      return Optional.empty();
    }
    return Optional.of(new ClaimRequest(options.nodeId(), timers.now(), options.lease(), names));
  }

  @Override
  public Optional<Claim> claimForIdleThread() {
    if (!taking || closed) {
      return Optional.empty();
    }
    List<Registered> candidates = order;
    int start = Math.floorMod(rotation.getAndIncrement(), Math.max(1, candidates.size()));
    for (int i = 0; i < candidates.size(); i++) {
      Registered candidate = candidates.get((start + i) % candidates.size());
      if (!candidate.maybeReady().compareAndSet(true, false)) {
        continue;
      }
      Optional<Claim> claim = claim(candidate.name());
      if (claim.isPresent()) {
        candidate.maybeReady().set(true);
        return claim;
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<Worker> worker(String name) {
    return Optional.ofNullable(workers.get(name)).map(Registered::worker);
  }

  /**
   * Creates and starts a saga, claiming for this node in the same store call the steps the start
   * makes ready for the workers registered here, as many as free permits allow; they run at once,
   * without a round trip through the dispatcher. The other ready steps are left to the caller.
   */
  Change createAndStart(SagaDraft draft) {
    int wanted = 0;
    for (StepSpec step : draft.steps()) {
      if (step.dependsOn().isEmpty() && workers.containsKey(step.workerName())) {
        wanted++;
      }
    }
    Optional<ClaimRequest> request = request();
    int reserved = 0;
    while (reserved < wanted && request.isPresent() && permits.tryAcquire()) {
      reserved++;
    }
    if (reserved == 0) {
      return store.createAndStart(draft);
    }
    Change change;
    try {
      change = store.createStartAndClaim(draft, request.get(), reserved);
    } catch (RuntimeException e) {
      permits.release(reserved);
      wake();
      throw e;
    }
    for (Claim claim : change.claims()) {
      Registered registered = workers.get(claim.step().spec().workerName());
      if (registered != null && reserved > 0) {
        reserved--;
        runner.start(claim, registered.worker(), this::releasePermit);
      }
      // Otherwise (cannot happen: workers are never unregistered) the lease expires and the step is retried.
    }
    if (reserved > 0) {
      permits.release(reserved);
      wake();
    }
    return change;
  }

  void stop() {
    taking = false;
  }

  void start() {
    taking = true;
    wakeAll();
  }

  /** Work may be ready for any of the workers registered here. */
  void wakeAll() {
    order.forEach(registered -> registered.maybeReady().set(true));
    wake();
  }

  void close() {
    closed = true;
  }

  private void wake() {
    if (wakeUps.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      drain();
      missed = wakeUps.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Claims round-robin, one step per worker per round, while permits last and claims succeed. */
  private void drain() {
    boolean claimed = true;
    while (claimed && taking && !closed) {
      claimed = false;
      List<Registered> inOrder = order;
      for (int i = 0; i < inOrder.size(); i++) {
        Registered registered = inOrder.get(i);
        if (!registered.maybeReady().get()) {
          continue;
        }
        if (!permits.tryAcquire()) {
          return;
        }
        registered.maybeReady().set(false);
        Optional<Claim> claim = claim(registered.name());
        if (claim.isEmpty()) {
          permits.release();
          continue;
        }
        registered.maybeReady().set(true);
        claimed = true;
        runner.start(claim.get(), registered.worker(), this::releasePermit);
      }
    }
  }

  private Optional<Claim> claim(String workerName) {
    try {
      return store.claimNext(workerName, options.nodeId(), timers.now(), options.lease());
    } catch (RuntimeException e) {
      LOG.error("node " + options.nodeId() + " could not claim a step of " + workerName, e);
      return Optional.empty();
    }
  }

  /** How many more attempts this node could run now. */
  int freePermits() {
    return permits.availablePermits();
  }

  /** The names of the workers registered here. */
  Set<String> workerNames() {
    return names;
  }
}
