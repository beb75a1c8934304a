package io.brokkr.runtime.internal;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A Brokkr node: wires the store, the dispatcher, the timers and the views together. */
public final class BrokkrNode implements Brokkr {
  /** How often outcomes still pending are read again, in case their settling event was lost. */
  static final Duration OUTCOME_RECHECK = Duration.ofSeconds(10);

  private final SagaStore store;
  private final NodeOptions options;
  private final Timers timers;
  private final Optional<ThreadPoolExecutor> ownPool;
  private final Listeners listeners;
  private final Outcomes outcomes;
  private final Leases leases;
  private final AttemptRunner runner;
  private final Dispatcher dispatcher;
  private final TemplateStarter starter;
  private final Recovery recovery;
  private final Engine engine;
  private final SagaStore.Subscription subscription;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A node over {@code store}, which it closes when it closes. */
  public BrokkrNode(SagaStore store, NodeOptions options) {
    this.store = store;
    this.options = options;
    Json json = new Json();
    this.timers = new Timers(options.clock(), options.nodeId());
    this.ownPool = options.executor().isPresent() ? Optional.empty() : Optional.of(pool(options));
    Executor executor = options.executor().or(() -> ownPool.map(Executor.class::cast)).orElseThrow();
    this.listeners = new Listeners(options.listeners());
    this.outcomes = new Outcomes(store, json);
    this.leases = new Leases(store, timers, options);
    Changes changes = new Changes(store, timers, this::wake);
    this.engine = new Engine(store, json, options, changes, outcomes);
    // The dispatcher, made next, gives finishing attempts their successors.
    this.runner = new AttemptRunner(store, json, timers, leases, changes, executor, this::view, this::dispatcher);
    this.dispatcher = new Dispatcher(store, options, timers, runner);
    this.starter = new TemplateStarter(engine, dispatcher::createAndStart);
    this.recovery = new Recovery(store, timers, leases, changes, options);
    this.subscription = store.subscribe(this::onEvent);
    timers.every(OUTCOME_RECHECK, outcomes::recheck);
  }

  @Override
  public String namespace() {
    return store.namespace();
  }

  @Override
  public void registerWorker(Worker worker) {
    Objects.requireNonNull(worker, "worker");
    dispatcher.register(worker);
  }

  @Override
  public void registerWorkers(Worker... workers) {
    for (Worker worker : workers) {
      registerWorker(worker);
    }
  }

  @Override
  public void stopWorkers() {
    dispatcher.stop();
  }

  @Override
  public void startWorkers() {
    dispatcher.start();
  }

  @Override
  public Saga createSaga() {
    String id = UUID.randomUUID().toString();
    store.createSaga(id);
    return view(id);
  }

  @Override
  public CompletionStage<Saga> createSagaAsync() {
    return Calls.async(this::createSaga);
  }

  @Override
  public Optional<Saga> getSaga(String sagaId) {
    return store.load(sagaId).map(s -> view(s.sagaId()));
  }

  @Override
  public SagaHandle<StepResults> start(SagaTemplate template, Map<String, ?> inputs) {
    return starter.start(template, inputs);
  }

  @Override
  public int restorePreviousState() {
    int resumed = recovery.restore();
    dispatcher.wakeAll();
    return resumed;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    dispatcher.close();
    runner.close();
    subscription.close();
    timers.close();
    ownPool.ifPresent(pool -> {
      pool.shutdownNow();
      Threads.await(pool);
    });
    outcomes.abandon(options.nodeId());
    store.close();
  }

  @Override
  public String toString() {
    return "Brokkr node " + options.nodeId() + " in namespace " + namespace();
  }

  /** Work may be ready for a worker (a method, so the constructor can hand it out before the dispatcher exists). */
  private void wake(String workerName) {
    dispatcher.ready(workerName);
  }

  private Dispatcher dispatcher() {
    return dispatcher;
  }

  private Saga view(String sagaId) {
    return new SagaView(engine, sagaId);
  }

  private void onEvent(StoreEvent event) {
    if (event instanceof StoreEvent.SagaMoved moved) {
      listeners.saga(moved);
      if (moved.to().isSettled()) {
        outcomes.settled(moved);
      }
    } else if (event instanceof StoreEvent.StepMoved moved) {
      listeners.step(moved);
    } else if (event instanceof StoreEvent.WorkReady ready) {
      dispatcher.ready(ready.workerName());
    }
  }

  private static ThreadPoolExecutor pool(NodeOptions options) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(options.concurrency(), options.concurrency(), 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), Threads.daemon("brokkr-" + options.nodeId() + "-worker"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
