package io.brokkr.runtime.internal;

import io.brokkr.dsl.Durations;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settling;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Brokkr node: wires the store, the dispatcher, the timers and the views together. Its threads
 * each have one job: attempts run on the executor; lease renewals on a thread of their own; outcome
 * rechecks on another; outcome futures complete and listeners run on the node's callback threads,
 * never on the store's.
 */
public final class BrokkrNode implements Brokkr {
  private static final Logger LOG = LoggerFactory.getLogger(BrokkrNode.class);
  /** How often outcomes still pending are read again, in case their settling event was lost. */
  static final Duration OUTCOME_RECHECK = Duration.ofSeconds(10);
  /** How long a callback that blocks holds up the outcomes queued behind it, at most about twice. */
  static final Duration CALLBACK_STALL = Duration.ofMillis(10);

  private final SagaStore store;
  private final NodeOptions options;
  private final Lifecycle lifecycle;
  private final Timers timers;
  private final Timers rechecks;
  private final Optional<ThreadPoolExecutor> ownPool;
  private final CallbackLane callbacks;
  private final ExecutorService listenerThread;
  /** The thread of {@link #listenerThread}, once made: a task from it needs not queue behind itself. */
  private volatile @Nullable Thread listenerThreadItself;
  private final Listeners listeners;
  private final Outcomes outcomes;
  private final Leases leases;
  private final AttemptRunner runner;
  private final Dispatcher dispatcher;
  private final TemplateStarter starter;
  private final Recovery recovery;
  private final Stranded stranded;
  private final Announcer announcer;
  private final Engine engine;
  private final SagaStore.Subscription subscription;
  private final Observer observer;
  private final Instrumentation.NodeGauges gauges;

  /** A node over {@code backendStore}, which it closes when it closes. */
  public BrokkrNode(SagaStore backendStore, NodeOptions options) {
    this.observer = new Observer(options.instrumentation(), backendStore.namespace(), options.clock());
    // Store calls are timed only when something listens: otherwise the node calls the store itself.
    this.store = observer.on() ? new TimedStore(backendStore, options.instrumentation()) : backendStore;
    this.options = options;
    this.lifecycle = new Lifecycle(options.nodeId());
    Json json = new Json(options.mapper(), options.defaultMapper());
    this.timers = new Timers(options.clock(), options.nodeId(), "timer");
    this.rechecks = new Timers(options.clock(), options.nodeId(), "outcomes");
    this.ownPool = options.executor().isPresent() ? Optional.empty() : Optional.of(pool(options));
    Executor executor = options.executor().or(() -> ownPool.map(Executor.class::cast)).orElseThrow();
    this.callbacks = new CallbackLane("brokkr-" + options.nodeId() + "-callback", rechecks, CALLBACK_STALL);
    ThreadFactory listenerThreads = Threads.daemon("brokkr-" + options.nodeId() + "-listener");
    this.listenerThread = Executors.newSingleThreadExecutor(task -> {
      Thread thread = listenerThreads.newThread(task);
      listenerThreadItself = thread;
      return thread;
    });
    this.listeners = new Listeners(options.listeners());
    this.outcomes = new Outcomes(store, json, callbacks, () -> !listeners.isEmpty(), this::afterListeners);
    this.leases = new Leases(store, timers, options);
    this.stranded = new Stranded(store, timers, options.strandedWarningAfter(), this::hosts);
    Changes changes = new Changes(store, timers, this::ready);
    this.engine = new Engine(store, json, options, changes, outcomes, lifecycle, observer);
    // The dispatcher, made next, gives finishing attempts their successors.
    this.runner = new AttemptRunner(store, json, timers, leases, changes, outcomes, executor, this::view, this::dispatcher,
        observer);
    this.dispatcher = new Dispatcher(store, options, timers, runner);
    this.starter = new TemplateStarter(engine, dispatcher::createAndStart);
    this.recovery = new Recovery(store, timers, leases, changes, options);
    // The events of the node's own sagas and workers; every saga's once it has listeners.
    this.subscription = store.subscribeToOwnWork(new StoreListener() {
      @Override
      public void onEvent(StoreEvent event) {
        BrokkrNode.this.onEvent(event);
      }

      // What this node's own calls and sweeps settled or expired: counted here, and on no other node.
      @Override
      public void settledHere(Settling settling) {
        observer.settled(settling);
      }

      @Override
      public void leaseExpiredHere(StepRef step, String workerName) {
        observer.leaseExpired(workerName);
      }
    });
    if (!listeners.isEmpty()) {
      store.followAll();
    }
    rechecks.every(OUTCOME_RECHECK, outcomes::recheck);
    // Announcements wait on Redis: on the thread of the outcome rechecks, not the one of backoffs and wake-ups.
    this.announcer = new Announcer(store, options, rechecks, dispatcher::workerNames, runner::running);
    if (options.announced()) {
      announcer.start();
    }
    this.gauges = new Gauges();
    options.instrumentation().nodeStarted(gauges);
    LOG.info("Brokkr node {} started in namespace \"{}\" on {}: up to {} attempts at once, {} executor",
        options.nodeId(), store.namespace(), store, options.concurrency(), ownPool.isPresent() ? "its own" : "the given");
  }

  @Override
  public String nodeId() {
    return options.nodeId();
  }

  @Override
  public String namespace() {
    return store.namespace();
  }

  @Override
  public void registerWorker(Worker worker) {
    Objects.requireNonNull(worker, "worker");
    lifecycle.requireOpen();
    dispatcher.register(worker);
    if (options.announced()) {
      announcer.announce();
    }
    LOG.info("Brokkr node {} hosts worker \"{}\" ({})", options.nodeId(), worker.name(), worker.mode());
  }

  @Override
  public void registerWorkers(Worker... workers) {
    for (Worker worker : workers) {
      registerWorker(worker);
    }
  }

  @Override
  public void stopWorkers() {
    lifecycle.requireNotClosed();
    dispatcher.stop();
  }

  @Override
  public void startWorkers() {
    lifecycle.requireOpen();
    dispatcher.start();
  }

  @Override
  public Saga createSaga() {
    return create(Optional.empty());
  }

  @Override
  public Saga createSaga(String name) {
    return create(Optional.of(Objects.requireNonNull(name, "name")));
  }

  private Saga create(Optional<String> name) {
    lifecycle.requireOpen();
    String id = RandomIds.uuid();
    try (Instrumentation.Scope scope = observer.creating(id, name, false)) {
      try {
        store.createSaga(id, name, scope.traceContext());
      } catch (RuntimeException e) {
        scope.failed(e);
        observer.notCreated(id);
        throw e;
      }
    }
    return view(id);
  }

  @Override
  public SagaPage findSagas(SagaQuery query) {
    Objects.requireNonNull(query, "query");
    lifecycle.requireNotClosed();
    return store.query(query);
  }

  @Override
  public Subscription addListener(SagaListener listener) {
    Objects.requireNonNull(listener, "listener");
    lifecycle.requireOpen();
    store.followAll();
    Runnable remove = listeners.add(listener);
    return remove::run;
  }

  @Override
  public Map<SagaStatus, Long> countSagas() {
    lifecycle.requireNotClosed();
    return store.countByStatus();
  }

  @Override
  public List<NodeInfo> liveNodes() {
    lifecycle.requireNotClosed();
    return store.liveNodes();
  }

  @Override
  public Map<String, Long> strandedWorkers() {
    lifecycle.requireNotClosed();
    Set<String> hosted = new HashSet<>();
    store.liveNodes().forEach(node -> hosted.addAll(node.workers()));
    Map<String, Long> stranded = new TreeMap<>(store.readyByWorker());
    stranded.keySet().removeAll(hosted);
    return stranded;
  }

  @Override
  public List<ReadyQueue> readyQueues() {
    lifecycle.requireNotClosed();
    return store.readyQueues();
  }

  /** Takes this node's announcement back; a store that cannot be reached lets it expire. */
  private void withdraw() {
    try {
      announcer.withdraw();
    } catch (RuntimeException e) {
      LOG.warn("Brokkr node {} could not withdraw its announcement; it expires within {}", options.nodeId(),
          Durations.format(Announcer.LASTS), e);
    }
  }

  @Override
  public CompletionStage<Saga> createSagaAsync() {
    return Calls.async(this::createSaga);
  }

  @Override
  public Optional<Saga> getSaga(String sagaId) {
    Objects.requireNonNull(sagaId, "sagaId");
    lifecycle.requireNotClosed();
    return store.load(sagaId).map(s -> view(s.sagaId()));
  }

  @Override
  public SagaHandle<StepResults> start(SagaTemplate template, Map<String, ?> inputs) {
    lifecycle.requireOpen();
    return starter.start(template, inputs);
  }

  @Override
  public int restorePreviousState() {
    lifecycle.requireOpen();
    int resumed = recovery.restore();
    dispatcher.wakeAll();
    return resumed;
  }

  /**
   * Drains, then closes: takes no new work and refuses new sagas at once; waits up to the drain
   * timeout for the attempts running here, hands the rest back to the store uncounted, then stops
   * its threads and refuses every call. Async steps parked in the store are not this node's: their
   * settlers and deadlines end them.
   */
  @Override
  public void close() {
    if (!lifecycle.beginClose()) {
      return;
    }
    LOG.info("Brokkr node {} drains: it takes no new work and waits up to {} for its running attempts",
        options.nodeId(), Durations.format(options.drainTimeout()));
    dispatcher.close();
    store.takeNoMoreWork();
    int handedBack = runner.drain(options.drainTimeout());
    leases.close();
    subscription.close();
    timers.close();
    rechecks.close(); // no announcement after the withdrawal
    if (options.announced()) {
      withdraw();
    }
    ownPool.ifPresent(pool -> {
      pool.shutdownNow();
      Threads.await(pool);
    });
    outcomes.abandon(options.nodeId());
    options.instrumentation().nodeClosed(gauges);
    listenerThread.shutdown();
    Threads.await(listenerThread);
    callbacks.shutdown();
    store.close();
    lifecycle.closed();
    LOG.info("Brokkr node {} stopped; {} running attempts were handed back to the store", options.nodeId(), handedBack);
  }

  @Override
  public String toString() {
    return "Brokkr node " + options.nodeId() + " in namespace " + namespace();
  }

  /**
   * A step this node made ready: its worker is woken here, or its wait is watched (methods, so the
   * constructor can hand them out before the dispatcher exists).
   */
  private void ready(Change.Ready ready) {
    dispatcher.ready(ready.workerName());
    stranded.watch(ready);
  }

  private boolean hosts(String workerName) {
    return dispatcher.worker(workerName).isPresent();
  }

  /** What the node's gauges read. */
  private final class Gauges implements Instrumentation.NodeGauges {
    @Override
    public String namespace() {
      return store.namespace();
    }

    @Override
    public String nodeId() {
      return options.nodeId();
    }

    @Override
    public int runningAttempts() {
      return runner.running();
    }

    @Override
    public int freePermits() {
      return dispatcher.freePermits();
    }

    @Override
    public Set<String> workers() {
      return dispatcher.workerNames();
    }

    @Override
    public Map<String, Long> readyByWorker() {
      return lifecycle.isOpen() ? store.readyByWorker() : Map.of();
    }
  }

  private Dispatcher dispatcher() {
    return dispatcher;
  }

  private Saga view(String sagaId) {
    return new SagaView(engine, sagaId);
  }

  private void onEvent(StoreEvent event) {
    if (event instanceof StoreEvent.SagaMoved moved) {
      // An outcome is read after the listeners saw the settling: who waits for it sees them done.
      Runnable settled = moved.to().isSettled() ? () -> outcomes.settled(moved.sagaId()) : () -> {};
      if (listeners.isEmpty()) {
        settled.run();
      } else {
        listenerThread.execute(() -> {
          listeners.saga(moved);
          settled.run();
        });
      }
    } else if (event instanceof StoreEvent.StepMoved moved) {
      toListeners(() -> listeners.step(moved));
    } else if (event instanceof StoreEvent.WorkReady ready) {
      dispatcher.ready(ready.workerName());
    } else if (event instanceof StoreEvent.Acted acted) {
      toListeners(() -> listeners.action(acted));
    }
  }

  /** Runs {@code task} after the listeners ran for every event received so far: at once on their own thread. */
  private void afterListeners(Runnable task) {
    if (Thread.currentThread() == listenerThreadItself) {
      task.run();
    } else {
      listenerThread.execute(task);
    }
  }

  /** Listeners run on the node's listener thread, one event after the other, in the order they came. */
  private void toListeners(Runnable call) {
    if (!listeners.isEmpty()) {
      listenerThread.execute(call);
    }
  }

  /**
   * The node's own pool: a thread per running attempt, up to the concurrency that the dispatcher's
   * permits enforce, plus the threads of timed-out bodies that ignore interrupts (their permits
   * were given back; their threads end when their bodies do).
   */
  private static ThreadPoolExecutor pool(NodeOptions options) {
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        Threads.daemon("brokkr-" + options.nodeId() + "-worker"));
  }
}
