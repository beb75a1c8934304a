package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.BrokkrBuilder;
import io.brokkr.runtime.RedisOptions;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The options of the application's Brokkr node, under {@code brokkr.}. The defaults are the
 * runtime's ({@link BrokkrBuilder}, {@link RetryPolicy#DEFAULT}, {@link RedisOptions#defaults()}).
 * The field comments are the descriptions an IDE shows.
 */
@ConfigurationProperties("brokkr")
public class BrokkrProperties {
  /** The namespace of the node's sagas: nodes share sagas and work only within one namespace. */
  private String namespace = "brokkr";

  /** This node's name in leases, logs and the live nodes; unset: a random UUID at each start. */
  private @Nullable String nodeId;

  /** How many step attempts this node runs at once. */
  private int concurrency = BrokkrBuilder.DEFAULT_CONCURRENCY;

  /** How long an attempt's lease lasts unless renewed; a dead node's steps are taken over after it. */
  private Duration leaseDuration = BrokkrBuilder.DEFAULT_LEASE;

  /** How long shutdown waits for running attempts before handing them back to the store. */
  private Duration drainTimeout = BrokkrBuilder.DEFAULT_DRAIN_TIMEOUT;

  /**
   * Whether the node resumes the namespace's unfinished sagas when the application starts: it fails
   * at once the attempts its node id held before a restart, re-queues ready steps and re-arms backoffs.
   */
  private boolean restoreOnStart = true;

  /** The retry policy of steps and compensators that declare none. */
  private final Retry defaultRetry = new Retry();

  /** The Redis store: used when the context has a RedissonClient, or brokkr.redis.url is set. */
  private final Redis redis = new Redis();

  /** The dashboard at /brokkr: served when brokkr-dashboard is on the class path of a servlet web application. */
  private final Dashboard dashboard = new Dashboard();

  /** Made by Spring when it binds the properties. */
  public BrokkrProperties() {}

  /** {@return the namespace of the node's sagas} */
  public String getNamespace() {
    return namespace;
  }

  /**
   * Sets the namespace.
   *
   * @param namespace 1 to 64 letters, digits, '.', '_' or '-' on Redis; not blank in memory
   */
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /** {@return the node's id; null: a random UUID} */
  public @Nullable String getNodeId() {
    return nodeId;
  }

  /**
   * Sets the node's id.
   *
   * @param nodeId unique among the nodes of the namespace
   */
  public void setNodeId(@Nullable String nodeId) {
    this.nodeId = nodeId;
  }

  /** {@return how many attempts the node runs at once} */
  public int getConcurrency() {
    return concurrency;
  }

  /**
   * Sets how many attempts the node runs at once.
   *
   * @param concurrency at least 1
   */
  public void setConcurrency(int concurrency) {
    this.concurrency = concurrency;
  }

  /** {@return how long a lease lasts} */
  public Duration getLeaseDuration() {
    return leaseDuration;
  }

  /**
   * Sets how long a lease lasts.
   *
   * @param leaseDuration positive
   */
  public void setLeaseDuration(Duration leaseDuration) {
    this.leaseDuration = leaseDuration;
  }

  /** {@return how long shutdown waits for running attempts} */
  public Duration getDrainTimeout() {
    return drainTimeout;
  }

  /**
   * Sets how long shutdown waits for running attempts.
   *
   * @param drainTimeout zero or more
   */
  public void setDrainTimeout(Duration drainTimeout) {
    this.drainTimeout = drainTimeout;
  }

  /** {@return whether the node resumes the namespace's unfinished sagas at startup} */
  public boolean isRestoreOnStart() {
    return restoreOnStart;
  }

  /**
   * Sets whether the node resumes the namespace's unfinished sagas at startup.
   *
   * @param restoreOnStart false: only the store's timers take over what a gone node left, once its leases expire
   */
  public void setRestoreOnStart(boolean restoreOnStart) {
    this.restoreOnStart = restoreOnStart;
  }

  /** {@return the default retry policy's values} */
  public Retry getDefaultRetry() {
    return defaultRetry;
  }

  /** {@return the Redis store's options} */
  public Redis getRedis() {
    return redis;
  }

  /** {@return the dashboard's options} */
  public Dashboard getDashboard() {
    return dashboard;
  }

  /** The retry policy of steps that declare none: {@code brokkr.default-retry.*}. */
  public static class Retry {
    /** How many attempts a step gets, the first one included. */
    private int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();

    /** How long the node waits before the second attempt. */
    private Duration backoff = RetryPolicy.DEFAULT.initialBackoff();

    /** By how much each further backoff grows. */
    private double multiplier = RetryPolicy.DEFAULT.multiplier();

    /** The longest backoff. */
    private Duration maxBackoff = RetryPolicy.DEFAULT.maxBackoff();

    /** Made by Spring when it binds the properties. */
    public Retry() {}

    /** {@return how many attempts a step gets} */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets how many attempts a step gets.
     *
     * @param maxAttempts at least 1
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** {@return the first backoff} */
    public Duration getBackoff() {
      return backoff;
    }

    /**
     * Sets the first backoff.
     *
     * @param backoff zero or more
     */
    public void setBackoff(Duration backoff) {
      this.backoff = backoff;
    }

    /** {@return by how much each backoff grows} */
    public double getMultiplier() {
      return multiplier;
    }

    /**
     * Sets by how much each backoff grows.
     *
     * @param multiplier at least 1
     */
    public void setMultiplier(double multiplier) {
      this.multiplier = multiplier;
    }

    /** {@return the longest backoff} */
    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    /**
     * Sets the longest backoff.
     *
     * @param maxBackoff at least the first backoff
     */
    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }

    /** {@return these values as the runtime's policy} */
    public RetryPolicy toPolicy() {
      return new RetryPolicy(maxAttempts, backoff, multiplier, maxBackoff);
    }
  }

  /** The Redis store's options: {@code brokkr.redis.*}. */
  public static class Redis {
    /**
     * The Redis server, as redis://host:port (rediss:// for TLS); when set and the context has no
     * RedissonClient of its own, one is made for it.
     */
    private @Nullable String url;

    /**
     * The connections of the client made for {@code url}. A small pool lets Redisson send concurrent
     * calls back to back on one connection, which costs Redis and the node less than a call per
     * connection (Redisson's own default is 64).
     */
    private int connectionPoolSize = 4;

    /** The largest args, result or failure reason of one step. */
    private DataSize payloadLimit = DataSize.ofBytes(RedisOptions.DEFAULT_PAYLOAD_LIMIT);

    /** How long a settled saga is kept before Redis drops it. */
    private Duration retention = RedisOptions.DEFAULT_RETENTION;

    /**
     * Whether the transitions are loaded as a Redis Functions library and called with FCALL (false:
     * sent as scripts with EVALSHA, e.g. through a proxy that does not pass FCALL).
     */
    private boolean functions = true;

    /**
     * Whether the transitions, and each store's events, go on connections of the backend's own (false:
     * through the client's connection pool and subscriptions). Only one server or a Cluster over plain
     * TCP is served so; otherwise the client's are used.
     */
    private boolean directConnection = true;

    /**
     * Whether finishes of several sagas may share a call to Redis (false: a call each). Only on one
     * server or Sentinel's master, with functions, not durable; otherwise each finish has its own call.
     */
    private boolean finishBatching = true;

    /** Durable mode: transitions wait for replicas to acknowledge them. */
    private final Durability durability = new Durability();

    /** Made by Spring when it binds the properties. */
    public Redis() {}

    /** {@return the Redis server's URL; null: none} */
    public @Nullable String getUrl() {
      return url;
    }

    /**
     * Sets the Redis server's URL.
     *
     * @param url redis://host:port or rediss://host:port
     */
    public void setUrl(@Nullable String url) {
      this.url = url;
    }

    /** {@return the connections of the client made for the URL} */
    public int getConnectionPoolSize() {
      return connectionPoolSize;
    }

    /**
     * Sets the connections of the client made for the URL.
     *
     * @param connectionPoolSize at least 1
     */
    public void setConnectionPoolSize(int connectionPoolSize) {
      if (connectionPoolSize < 1) {
        throw new IllegalArgumentException("brokkr.redis.connection-pool-size must be at least 1, was " + connectionPoolSize);
      }
      this.connectionPoolSize = connectionPoolSize;
    }

    /** {@return the payload limit} */
    public DataSize getPayloadLimit() {
      return payloadLimit;
    }

    /**
     * Sets the payload limit.
     *
     * @param payloadLimit at least 1KB
     */
    public void setPayloadLimit(DataSize payloadLimit) {
      this.payloadLimit = payloadLimit;
    }

    /** {@return how long a settled saga is kept} */
    public Duration getRetention() {
      return retention;
    }

    /**
     * Sets how long a settled saga is kept.
     *
     * @param retention at least 1 ms
     */
    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    /** {@return whether the transitions are called as Redis functions} */
    public boolean isFunctions() {
      return functions;
    }

    /**
     * Sets whether the transitions are called as Redis functions.
     *
     * @param functions false to send them as scripts
     */
    public void setFunctions(boolean functions) {
      this.functions = functions;
    }

    /** {@return whether the transitions and events go on connections of the backend's own} */
    public boolean isDirectConnection() {
      return directConnection;
    }

    /**
     * Sets whether the transitions and events go on connections of the backend's own.
     *
     * @param directConnection false to send them through the client's connection pool and subscriptions
     */
    public void setDirectConnection(boolean directConnection) {
      this.directConnection = directConnection;
    }

    /** {@return whether finishes of several sagas may share a call} */
    public boolean isFinishBatching() {
      return finishBatching;
    }

    /**
     * Sets whether finishes of several sagas may share a call.
     *
     * @param finishBatching false to send each finish in a call of its own
     */
    public void setFinishBatching(boolean finishBatching) {
      this.finishBatching = finishBatching;
    }

    /** {@return the durable mode's options} */
    public Durability getDurability() {
      return durability;
    }

    /** {@return these values as the runtime's Redis options} */
    public RedisOptions toOptions() {
      RedisOptions options = RedisOptions.defaults()
          .withPayloadLimit(Math.toIntExact(payloadLimit.toBytes()))
          .withRetention(retention)
          .withRedisFunctions(functions)
          .withDirectConnection(directConnection)
          .withFinishBatching(finishBatching);
      return durability.getReplicas() > 0
          ? options.withDurability(durability.getReplicas(), durability.getTimeout())
          : options;
    }
  }

  /** Durable mode: {@code brokkr.redis.durability.*}. */
  public static class Durability {
    /** How many replicas acknowledge each transition; 0: transitions do not wait for replicas. */
    private int replicas;

    /** How long a transition waits for the replicas before it logs a warning and goes on. */
    private Duration timeout = Duration.ofSeconds(1);

    /** Made by Spring when it binds the properties. */
    public Durability() {}

    /** {@return how many replicas acknowledge each transition; 0: none} */
    public int getReplicas() {
      return replicas;
    }

    /**
     * Sets how many replicas acknowledge each transition.
     *
     * @param replicas 0 (not durable) or more
     */
    public void setReplicas(int replicas) {
      this.replicas = replicas;
    }

    /** {@return how long a transition waits for the replicas} */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets how long a transition waits for the replicas.
     *
     * @param timeout at least 1 ms
     */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** The dashboard at {@code /brokkr}: {@code brokkr.dashboard.*}. */
  public static class Dashboard {
    /** Whether the dashboard is served at /brokkr on the application's server (with brokkr-dashboard on the class path). */
    private boolean enabled = true;

    /** Whether the dashboard offers Cancel, Retry and Resolve; read-only when false. */
    private boolean actionsEnabled;

    /** Made by Spring when it binds the properties. */
    public Dashboard() {}

    /** {@return whether the dashboard is served} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the dashboard is served.
     *
     * @param enabled false to leave it out
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return whether the dashboard's actions are enabled} */
    public boolean isActionsEnabled() {
      return actionsEnabled;
    }

    /**
     * Sets whether the dashboard's actions are enabled.
     *
     * @param actionsEnabled true to offer Cancel, Retry and Resolve
     */
    public void setActionsEnabled(boolean actionsEnabled) {
      this.actionsEnabled = actionsEnabled;
    }
  }
}
