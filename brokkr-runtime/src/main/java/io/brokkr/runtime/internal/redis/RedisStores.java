package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/**
 * The Redis backend: opens the stores of the nodes of a process on one Redisson client. The
 * scripts are loaded when the first store opens, and the durable mode chosen.
 */
public final class RedisStores {
  /** How often a node sweeps due timers and lingering queues. */
  static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
  /** How long a node may take to start on a queue's work it was told of first, before it tells every node (PassOn). */
  static final Duration PASS_ON_AFTER = Duration.ofMillis(100);

  private final RedissonClient client;
  private final RedisOptions options;
  private final ScriptRegistry registry = ScriptRegistry.shared();
  private final Duration sweepEvery;
  private final Duration passOnAfter;
  private Optional<ScriptCalls> calls = Optional.empty();

  public RedisStores(RedissonClient client, RedisOptions options) {
    this(client, options, SWEEP_EVERY, PASS_ON_AFTER);
  }

  /** With other paces than the defaults (tests that must see what happens without a sweep). */
  RedisStores(RedissonClient client, RedisOptions options, Duration sweepEvery, Duration passOnAfter) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
    this.sweepEvery = sweepEvery;
    this.passOnAfter = passOnAfter;
  }

  /**
   * Opens a node's view of {@code namespace}.
   *
   * @throws IllegalArgumentException when the namespace breaks the rules of {@link Ids#checkNamespace}
   * @throws IllegalStateException when the namespace was opened with another number of partitions, or
   *     when Redis may evict keys (its {@code maxmemory-policy} is not {@code noeviction})
   */
  public SagaStore open(String namespace, Clock clock) {
    KeyLayout keys = new KeyLayout(Ids.checkNamespace(namespace), options.partitions());
    ScriptCalls calls = calls(keys);
    calls.opened();
    String recorded;
    try {
      recorded = String.valueOf(calls.plain(Script.NAMESPACE, List.of(keys.metaKey()), options.partitions()).get(0));
    } catch (RuntimeException e) {
      calls.closed();
      throw e;
    }
    if (!recorded.equals(String.valueOf(options.partitions()))) {
      calls.closed();
      throw new IllegalStateException("namespace \"" + namespace + "\" is kept in " + recorded
          + " partitions in Redis, but this node is configured with " + options.partitions()
          + " (RedisOptions.withPartitions); every node of a namespace must use the same number");
    }
    return new RedisSagaStore(keys, calls, new StoreLimits(options.payloadLimit()), options.retention(), sweepEvery, passOnAfter,
        clock);
  }

  private synchronized ScriptCalls calls(KeyLayout keys) {
    if (calls.isEmpty()) {
      EvictionCheck.check(client);
      boolean functions = registry.load(client, options.redisFunctions(), false);
      Optional<DurableMode> durable = options.durability().map(d -> DurableMode.choose(client, d, keys.metaKey()));
      calls = Optional.of(new ScriptCalls(client, registry, durable, options.callListener(), functions,
          options.directConnection(), options.finishBatching()));
    }
    return calls.get();
  }
}
