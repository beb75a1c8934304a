package io.brokkr.runtime;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.internal.BrokkrNode;
import io.brokkr.runtime.internal.Instrumentations;
import io.brokkr.runtime.internal.JsonMappers;
import io.brokkr.runtime.internal.NodeOptions;
import io.brokkr.runtime.internal.Policies;
import io.brokkr.runtime.spi.StoreBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.redisson.api.RedissonClient;

/**
 * Options of a {@link Brokkr} node. Each option is checked when it is set; the bad value is quoted.
 *
 * <pre>{@code
 * Brokkr brokkr = Brokkr.builder()
 *     .namespace("hammers")
 *     .concurrency(16)
 *     .defaultRetryPolicy(new RetryPolicy(5, Duration.ofMillis(200), 2.0, Duration.ofSeconds(30)))
 *     .listener(new SagaListener() { ... })
 *     .inMemory();           // or .redis(redissonClient)
 * }</pre>
 */
public final class BrokkrBuilder {
  /** Attempts a node runs at once unless told otherwise. */
  public static final int DEFAULT_CONCURRENCY = 8;
  /** How long a lease lasts unless told otherwise. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  /** How long {@code close()} waits for running attempts unless told otherwise. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);
  /** How long a step waits for a node that hosts its worker before a warning, unless told otherwise. */
  public static final Duration DEFAULT_STRANDED_WARNING_AFTER = Duration.ofMinutes(1);

  private String namespace = "brokkr";
  private String nodeId = UUID.randomUUID().toString();
  private int concurrency = DEFAULT_CONCURRENCY;
  private RetryPolicy defaultRetry = RetryPolicy.DEFAULT;
  private Duration lease = DEFAULT_LEASE;
  private Clock clock = Clock.systemUTC();
  private Optional<Executor> executor = Optional.empty();
  private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
  private final List<SagaListener> listeners = new ArrayList<>();
  private Optional<ObjectMapper> objectMapper = Optional.empty();
  private Duration strandedWarningAfter = DEFAULT_STRANDED_WARNING_AFTER;
  private boolean announced = true;
  private final List<Module> jacksonModules = new ArrayList<>();
  private final List<Instrumentation> instrumentations = new ArrayList<>();

  BrokkrBuilder() {}

  /**
   * The namespace: every key and saga of this node lives under it. Default {@code brokkr}.
   *
   * @param value the namespace; nodes share sagas and work only within one namespace
   * @return this builder
   * @throws IllegalArgumentException when the namespace is blank
   */
  public BrokkrBuilder namespace(String value) {
    Objects.requireNonNull(value, "namespace");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a namespace must not be blank, was \"" + value + "\"");
    }
    this.namespace = value;
    return this;
  }

  /**
   * This node's name in leases and logs. Default: a random UUID.
   *
   * @param value the node's name, unique among the nodes of the namespace
   * @return this builder
   * @throws IllegalArgumentException when the name is blank
   */
  public BrokkrBuilder nodeId(String value) {
    Objects.requireNonNull(value, "nodeId");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a node id must not be blank, was \"" + value + "\"");
    }
    this.nodeId = value;
    return this;
  }

  /**
   * How many step attempts this node runs at once. Default {@value #DEFAULT_CONCURRENCY}.
   *
   * @param value the most attempts at once, at least 1
   * @return this builder
   * @throws IllegalArgumentException when the value is under 1
   */
  public BrokkrBuilder concurrency(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, was " + value);
    }
    this.concurrency = value;
    return this;
  }

  /**
   * The retry policy of steps that set none. Default {@link RetryPolicy#DEFAULT}: 3 attempts,
   * backoff from 100 ms doubling to at most 10 s.
   *
   * @param value the policy of every step and compensator without its own
   * @return this builder
   * @throws IllegalArgumentException quoting the policy when the validator rejects it
   */
  public BrokkrBuilder defaultRetryPolicy(RetryPolicy value) {
    this.defaultRetry = Policies.checkRetry(Objects.requireNonNull(value, "defaultRetryPolicy"), "defaultRetryPolicy");
    return this;
  }

  /**
   * How long the lease of an attempt lasts unless this node renews it (every third of it). When a
   * node dies, its attempts are taken over once their leases expired. Default 30 s.
   *
   * @param value the lease's length, positive; longer means a slower takeover after a crash
   * @return this builder
   * @throws IllegalArgumentException quoting the value when it is not positive
   */
  public BrokkrBuilder leaseDuration(Duration value) {
    this.lease = Policies.checkTimeout(Objects.requireNonNull(value, "leaseDuration"), "leaseDuration");
    return this;
  }

  /**
   * The clock of leases, deadlines and backoffs. Default: the system clock in UTC.
   *
   * @param value the clock; a test may pass one it moves itself
   * @return this builder
   */
  public BrokkrBuilder clock(Clock value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /**
   * Where step attempts run, instead of a pool the node owns; the node does not shut it down.
   * {@link #concurrency(int)} still bounds how many attempts run at once.
   *
   * @param value the executor of step bodies, owned by the caller
   * @return this builder
   */
  public BrokkrBuilder executor(Executor value) {
    this.executor = Optional.of(Objects.requireNonNull(value, "executor"));
    return this;
  }

  /**
   * How long {@link Brokkr#close()} waits for the attempts running on this node to end; those still
   * running then are handed back to the store without counting an attempt (another node runs them
   * again, and their steps count as possibly done). Zero hands them back at once. Default 10 s.
   *
   * @param value how long to wait, zero or more
   * @return this builder
   * @throws IllegalArgumentException when the value is negative
   */
  public BrokkrBuilder drainTimeout(Duration value) {
    Objects.requireNonNull(value, "drainTimeout");
    if (value.isNegative()) {
      throw new IllegalArgumentException("drainTimeout must not be negative, was " + value);
    }
    this.drainTimeout = value;
    return this;
  }

  /**
   * How long a step that this node made ready, for a worker it does not host, may wait unclaimed
   * before this node logs a WARNING naming the worker, the saga and the step (once per readiness).
   * The step keeps waiting: a node that registers the worker runs it. Default 1 minute.
   *
   * @param value how long to wait before the warning, positive
   * @return this builder
   * @throws IllegalArgumentException when the value is zero or negative
   */
  public BrokkrBuilder strandedWarningAfter(Duration value) {
    Objects.requireNonNull(value, "strandedWarningAfter");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("strandedWarningAfter must be positive, was " + value);
    }
    this.strandedWarningAfter = value;
    return this;
  }

  /**
   * Whether the node announces itself in the store, so that {@link Brokkr#liveNodes()} lists it and
   * {@link Brokkr#strandedWorkers()} counts its workers. Default {@code true}; a node that only
   * observes (a command-line tool, a dashboard) passes {@code false}.
   *
   * @param value {@code false} to stay out of {@code liveNodes}
   * @return this builder
   */
  public BrokkrBuilder announced(boolean value) {
    this.announced = value;
    return this;
  }

  /**
   * Adds a listener that sees every saga and step transition of the namespace.
   *
   * @param value the listener; each call adds one more
   * @return this builder
   */
  public BrokkrBuilder listener(SagaListener value) {
    listeners.add(Objects.requireNonNull(value, "listener"));
    return this;
  }

  /**
   * Adds an instrumentation that sees the node's work: metrics ({@code brokkr-micrometer}), traces
   * ({@code brokkr-opentelemetry}). Without any, the node reports nothing and pays nothing for it.
   *
   * @param value the instrumentation; each call adds one more, called in the order added
   * @return this builder
   */
  public BrokkrBuilder instrumentation(Instrumentation value) {
    instrumentations.add(Objects.requireNonNull(value, "instrumentation"));
    return this;
  }

  /**
   * The Jackson mapper that turns args, inputs and results into JSON, instead of the default one.
   * The node uses a copy taken now, with {@code java.time} and {@code Optional} support added unless
   * the mapper has it already. Default: a plain mapper with that support, writing dates and
   * durations as ISO-8601 text.
   *
   * @param value the mapper to copy; later changes to it do not reach the node
   * @return this builder
   * @throws IllegalArgumentException when the mapper has default typing activated: stored values
   *     must name no Java class
   */
  public BrokkrBuilder objectMapper(ObjectMapper value) {
    Objects.requireNonNull(value, "objectMapper");
    this.objectMapper = Optional.of(JsonMappers.requireNoDefaultTyping(value).copy());
    return this;
  }

  /**
   * Adds a Jackson module (serializers for your types, say) to the node's mapper.
   *
   * @param value the module; each call adds one more
   * @return this builder
   */
  public BrokkrBuilder jacksonModule(Module value) {
    jacksonModules.add(Objects.requireNonNull(value, "jacksonModule"));
    return this;
  }

  /** {@return a started node on a new embedded in-memory store, which lives as long as the node} */
  public Brokkr inMemory() {
    return build(InMemoryBackend.create());
  }

  /**
   * A node on Redis through {@code client}, with the default {@link RedisOptions}.
   *
   * @param client the application's Redisson client; the node does not shut it down
   * @return the new node
   * @throws IllegalArgumentException when the namespace is not 1 to 64 letters, digits, '.', '_' or '-'
   */
  public Brokkr redis(RedissonClient client) {
    return redis(client, RedisOptions.defaults());
  }

  /**
   * A node on Redis through {@code client}. To run several nodes in one process, share one
   * {@link RedisBackend} and {@link #build(StoreBackend) build} them on it.
   *
   * @param client the application's Redisson client; the node does not shut it down
   * @param options payload limit, retention, timeouts and replica acknowledgement
   * @return the new node
   * @throws IllegalArgumentException when the namespace is not 1 to 64 letters, digits, '.', '_' or '-'
   */
  public Brokkr redis(RedissonClient client, RedisOptions options) {
    return build(RedisBackend.on(Objects.requireNonNull(client, "client"), Objects.requireNonNull(options, "options")));
  }

  /**
   * A node on {@code backend}: nodes on one backend share the sagas of their namespace.
   *
   * @param backend where the sagas are kept; the node opens its own view of it
   * @return the new node
   * @see InMemoryBackend
   */
  public Brokkr build(StoreBackend backend) {
    Objects.requireNonNull(backend, "backend");
    NodeOptions options = new NodeOptions(namespace, nodeId, concurrency, defaultRetry, lease, clock, executor, listeners,
        drainTimeout, JsonMappers.of(objectMapper, jacksonModules), objectMapper.isEmpty() && jacksonModules.isEmpty(),
        strandedWarningAfter, announced,
        Instrumentations.of(instrumentations));
    return new BrokkrNode(backend.open(namespace, clock), options);
  }
}
