package io.brokkr.micrometer;

import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.SagaStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A node's metrics on a Micrometer registry. Tags are bounded: namespace, saga name, worker, status,
 * outcome, operation, and the node's id on the node gauges; never a saga or step id.
 *
 * <table>
 *   <caption>The meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@code brokkr.sagas.started}</td><td>counter</td><td>namespace, saga</td></tr>
 *   <tr><td>{@code brokkr.sagas.settled}</td><td>counter</td><td>namespace, saga, status</td></tr>
 *   <tr><td>{@code brokkr.saga.duration}</td><td>timer</td><td>namespace, saga, status</td></tr>
 *   <tr><td>{@code brokkr.step.attempts}</td><td>timer</td><td>namespace, worker, outcome</td></tr>
 *   <tr><td>{@code brokkr.step.queue.wait}</td><td>timer</td><td>namespace, worker</td></tr>
 *   <tr><td>{@code brokkr.steps.ready}</td><td>gauge</td><td>namespace, worker</td></tr>
 *   <tr><td>{@code brokkr.compensations}</td><td>counter</td><td>namespace, worker, outcome</td></tr>
 *   <tr><td>{@code brokkr.leases.expired}</td><td>counter</td><td>namespace, worker</td></tr>
 *   <tr><td>{@code brokkr.store.calls}</td><td>timer</td><td>namespace, operation</td></tr>
 *   <tr><td>{@code brokkr.node.attempts.running}</td><td>gauge</td><td>namespace, node</td></tr>
 *   <tr><td>{@code brokkr.node.permits.free}</td><td>gauge</td><td>namespace, node</td></tr>
 * </table>
 *
 * <p>One instance may serve several nodes. Timers publish no percentile histogram unless
 * {@link #withPercentileHistograms(boolean)} turns them on.
 */
public final class BrokkrMetrics implements Instrumentation {
  /** The classpath resource of the Grafana dashboard built on these meters (Prometheus data source). */
  public static final String DASHBOARD = "io/brokkr/micrometer/brokkr-dashboard.json";
  /** The saga tag of a saga without a name. */
  public static final String UNNAMED = "none";
  /** How long a reading of the ready queues serves the {@code brokkr.steps.ready} gauges. */
  static final Duration READY_READ_EVERY = Duration.ofSeconds(5);

  private static final AttemptOutcome[] OUTCOMES = AttemptOutcome.values();
  private static final SagaStatus[] STATUSES = SagaStatus.values();

  private final MeterRegistry registry;
  private final boolean histograms;
  // Meters by namespace, then by saga name, worker or operation: two lookups with the caller's own
  // strings (their hash codes cached), no key built per record.
  private final Keyed<Counter> started = new Keyed<>((ns, s) -> counter("brokkr.sagas.started",
      "sagas started by this node", Tags.of("namespace", ns, "saga", s)));
  private final Keyed<Counter[]> settled = new Keyed<>((ns, n) -> perStatus(s -> counter("brokkr.sagas.settled",
      "sagas that this node's store calls or sweeps settled", Tags.of("namespace", ns, "saga", n, "status", s)),
      Counter[]::new));
  private final Keyed<Timer[]> durations = new Keyed<>((ns, n) -> perStatus(s -> timer("brokkr.saga.duration",
      "from a saga's creation to its settling", Tags.of("namespace", ns, "saga", n, "status", s)), Timer[]::new));
  private final Keyed<Timer[]> attempts = new Keyed<>((ns, w) -> {
    Timer[] made = new Timer[OUTCOMES.length];
    for (AttemptOutcome o : OUTCOMES) {
      made[o.ordinal()] = timer("brokkr.step.attempts", "step attempts run by this node, by how they ended",
          Tags.of("namespace", ns, "worker", w, "outcome", o.tag()));
    }
    return made;
  });
  private final Keyed<Timer> queueWaits = new Keyed<>((ns, w) -> timer("brokkr.step.queue.wait",
      "from a step becoming ready to its claim", Tags.of("namespace", ns, "worker", w)));
  private final Keyed<Counter[]> compensations = new Keyed<>((ns, w) -> new Counter[] {
      counter("brokkr.compensations", "compensations ended by this node's compensators",
          Tags.of("namespace", ns, "worker", w, "outcome", "failed")),
      counter("brokkr.compensations", "compensations ended by this node's compensators",
          Tags.of("namespace", ns, "worker", w, "outcome", "compensated"))});
  private final Keyed<Counter> leases = new Keyed<>((ns, w) -> counter("brokkr.leases.expired",
      "expired leases whose attempts this node's sweeps failed, taking the steps over", Tags.of("namespace", ns, "worker", w)));
  private final Keyed<Timer> storeCalls = new Keyed<>((ns, op) -> timer("brokkr.store.calls",
      "this node's calls to its store", Tags.of("namespace", ns, "operation", op)));
  private final Map<NodeGauges, NodeMeters> nodes = new ConcurrentHashMap<>();
  /** The nodes' meters as an array, for the per-claim loop: no iterator per record. */
  private volatile NodeMeters[] nodeArray = new NodeMeters[0];

  private BrokkrMetrics(MeterRegistry registry, boolean histograms) {
    this.registry = registry;
    this.histograms = histograms;
  }

  /**
   * The metrics of the nodes that are given this instrumentation, on {@code registry}.
   *
   * @param registry where the meters are registered
   * @return the instrumentation, to pass to {@code BrokkrBuilder.instrumentation}
   */
  public static BrokkrMetrics of(MeterRegistry registry) {
    return new BrokkrMetrics(Objects.requireNonNull(registry, "registry"), false);
  }

  /**
   * {@return these metrics with the timers' percentile histograms published or not (default not)}
   *
   * @param value true to publish the histograms (Prometheus {@code _bucket} series), for
   *     {@code histogram_quantile} queries across nodes
   */
  public BrokkrMetrics withPercentileHistograms(boolean value) {
    return new BrokkrMetrics(registry, value);
  }

  private static String saga(Optional<String> name) {
    return name.orElse(UNNAMED);
  }

  private Timer timer(String name, String description, Tags tags) {
    return Timer.builder(name).description(description).tags(tags).publishPercentileHistogram(histograms)
        .register(registry);
  }

  private Counter counter(String name, String description, Tags tags) {
    return Counter.builder(name).description(description).tags(tags).register(registry);
  }

  @Override
  public void sagaStarted(String namespace, Optional<String> name) {
    started.of(namespace, saga(name)).increment();
  }

  @Override
  public void sagaSettled(String namespace, Optional<String> name, SagaStatus status, long durationNanos) {
    String saga = saga(name);
    settled.of(namespace, saga)[status.ordinal()].increment();
    durations.of(namespace, saga)[status.ordinal()].record(durationNanos, TimeUnit.NANOSECONDS);
  }

  /** One meter per settled status, made when first needed; the other slots stay empty. */
  private static <M extends Meter> M[] perStatus(Function<String, M> make, IntFunction<M[]> array) {
    M[] meters = array.apply(STATUSES.length);
    for (SagaStatus status : STATUSES) {
      if (status.isSettled()) {
        meters[status.ordinal()] = make.apply(status.name());
      }
    }
    return meters;
  }

  @Override
  public void queueWait(String namespace, String worker, long waitedNanos) {
    queueWaits.of(namespace, worker).record(waitedNanos, TimeUnit.NANOSECONDS);
    for (NodeMeters node : nodeArray) {
      node.sawWorker(namespace, worker);
    }
  }

  @Override
  public void attemptEnded(String namespace, String worker, AttemptOutcome outcome, long durationNanos) {
    attempts.of(namespace, worker)[outcome.ordinal()].record(durationNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void compensationEnded(String namespace, String worker, boolean compensated) {
    compensations.of(namespace, worker)[compensated ? 1 : 0].increment();
  }

  @Override
  public void leaseExpired(String namespace, String worker) {
    leases.of(namespace, worker).increment();
  }

  @Override
  public void storeCall(String namespace, String operation, long durationNanos) {
    storeCalls.of(namespace, operation).record(durationNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void nodeStarted(NodeGauges node) {
    nodes.put(node, new NodeMeters(node));
    nodesChanged();
  }

  @Override
  public void nodeClosed(NodeGauges node) {
    NodeMeters meters = nodes.remove(node);
    if (meters != null) {
      meters.remove();
    }
    nodesChanged();
  }

  private synchronized void nodesChanged() {
    nodeArray = nodes.values().toArray(NodeMeters[]::new);
  }

  /** A node's gauges; the ready queues are read at most every {@link #READY_READ_EVERY}. */
  private final class NodeMeters {
    private final NodeGauges node;
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> readyWorkers = new ConcurrentHashMap<>();
    private volatile Map<String, Long> ready = Map.of();
    private volatile long readAt;
    private volatile boolean everRead;

    NodeMeters(NodeGauges node) {
      this.node = node;
      Tags tags = Tags.of("namespace", node.namespace(), "node", node.nodeId());
      // Read at each scrape: the workers registered since get their ready gauge for the next one.
      meters.add(Gauge.builder("brokkr.node.attempts.running", this, NodeMeters::running)
          .description("attempts running on the node").tags(tags).register(registry));
      meters.add(Gauge.builder("brokkr.node.permits.free", node, NodeGauges::freePermits)
          .description("attempts the node could start now").tags(tags).register(registry));
    }

    private double running() {
      node.workers().forEach(w -> sawWorker(node.namespace(), w));
      return node.runningAttempts();
    }

    /** A worker of the namespace: its ready gauge exists from now on. */
    void sawWorker(String namespace, String worker) {
      if (readyWorkers.containsKey(worker)) {
        return; // the common case, read without a lock
      }
      if (namespace.equals(node.namespace()) && readyWorkers.putIfAbsent(worker, true) == null) {
        meters.add(Gauge.builder("brokkr.steps.ready", this, m -> m.ready(worker))
            .description("steps ready to be claimed, store-wide").tags("namespace", namespace, "worker", worker)
            .register(registry));
      }
    }

    private double ready(String worker) {
      long now = System.nanoTime();
      if (!everRead || now - readAt > READY_READ_EVERY.toNanos()) {
        everRead = true;
        readAt = now;
        try {
          ready = node.readyByWorker();
        } catch (RuntimeException e) {
          return Double.NaN; // the store cannot be read now; the next reading tries again
        }
        node.workers().forEach(w -> sawWorker(node.namespace(), w));
      }
      return ready.getOrDefault(worker, 0L);
    }

    void remove() {
      meters.forEach(registry::remove);
    }
  }
}
