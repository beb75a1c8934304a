package io.brokkr.runtime;

import io.brokkr.runtime.spi.StoreLimits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the Redis store; immutable, each {@code with…} method returns a copy and checks its
 * value, quoting it when it is bad.
 *
 * <pre>{@code
 * RedisOptions options = RedisOptions.defaults()
 *     .withPayloadLimit(256 * 1024)
 *     .withRetention(Duration.ofDays(1))
 *     .withDurability(1, Duration.ofMillis(500));
 * Brokkr brokkr = Brokkr.builder().namespace("orders").redis(redisson, options);
 * }</pre>
 */
public final class RedisOptions {
  /** The largest args, result or failure reason of one step unless told otherwise: 1 MiB. */
  public static final int DEFAULT_PAYLOAD_LIMIT = StoreLimits.DEFAULT_PAYLOAD_LIMIT;
  /** How long a settled saga is kept unless told otherwise: 7 days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
  /** Partitions of a namespace unless told otherwise. */
  public static final int DEFAULT_PARTITIONS = 16;

  private static final RedisOptions DEFAULTS =
      new RedisOptions(DEFAULT_PAYLOAD_LIMIT, DEFAULT_RETENTION, DEFAULT_PARTITIONS, Optional.empty(),
          RedisCallListener.NONE, true, true, true);

  private final int payloadLimit;
  private final Duration retention;
  private final int partitions;
  private final Optional<Durability> durability;
  private final RedisCallListener callListener;
  private final boolean redisFunctions;
  private final boolean directConnection;
  private final boolean finishBatching;

  private RedisOptions(int payloadLimit, Duration retention, int partitions, Optional<Durability> durability,
      RedisCallListener callListener, boolean redisFunctions, boolean directConnection, boolean finishBatching) {
    this.payloadLimit = payloadLimit;
    this.retention = retention;
    this.partitions = partitions;
    this.durability = durability;
    this.callListener = callListener;
    this.redisFunctions = redisFunctions;
    this.directConnection = directConnection;
    this.finishBatching = finishBatching;
  }

  /** {@return the options with payload limit 1 MiB, retention 7 days, 16 partitions, not durable} */
  public static RedisOptions defaults() {
    return DEFAULTS;
  }

  /**
   * The largest args (as a JSON array), result or failure reason of one step, in bytes of UTF-8.
   * Larger args or results from outside are rejected with an {@link IllegalArgumentException}
   * before anything is written; a larger result of an attempt fails the attempt; a longer failure
   * reason is cut.
   *
   * @param bytes the limit in bytes, at least {@value StoreLimits#MIN_PAYLOAD_LIMIT}
   * @return a copy with this limit
   * @throws IllegalArgumentException when the limit is under {@value StoreLimits#MIN_PAYLOAD_LIMIT} bytes
   */
  public RedisOptions withPayloadLimit(int bytes) {
    return new RedisOptions(new StoreLimits(bytes).payloadLimit(), retention, partitions, durability, callListener,
        redisFunctions, directConnection, finishBatching);
  }

  /**
   * How long a settled saga (and a saga created but never started) is kept before Redis drops it.
   * Unfinished sagas are kept until they settle.
   *
   * @param value how long to keep a settled saga, at least 1 ms
   * @return a copy with this retention
   * @throws IllegalArgumentException when the retention is under 1 ms
   */
  public RedisOptions withRetention(Duration value) {
    Objects.requireNonNull(value, "retention");
    if (value.toMillis() < 1) {
      throw new IllegalArgumentException("the retention must be at least 1 ms, was " + value);
    }
    return new RedisOptions(payloadLimit, value, partitions, durability, callListener, redisFunctions, directConnection,
        finishBatching);
  }

  /**
   * Into how many partitions (hash slots) the sagas of a namespace are spread, so that a Redis
   * Cluster shares them. Every node of a namespace must use the same number; a node that opens a
   * namespace with another number fails, naming both.
   *
   * @param value the number of partitions, 1 to 1024
   * @return a copy with this number of partitions
   * @throws IllegalArgumentException when the number is out of that range
   */
  public RedisOptions withPartitions(int value) {
    if (value < 1 || value > 1024) {
      throw new IllegalArgumentException("partitions must be between 1 and 1024, was " + value);
    }
    return new RedisOptions(payloadLimit, retention, value, durability, callListener, redisFunctions, directConnection,
        finishBatching);
  }

  /**
   * Durable mode: every transition returns only once {@code replicas} replicas acknowledged it,
   * within {@code timeout}. With Redis 7.2 or later and {@code appendonly yes} the store waits with
   * {@code WAITAOF 1 replicas} (written to the append-only file of the master and of the replicas);
   * otherwise with {@code WAIT replicas} (received by the replicas). Lease renewals do not wait.
   * What each mode can lose is described in the README.
   *
   * @param replicas how many replicas acknowledge each transition, at least 1
   * @param timeout how long a transition waits for them, at least 1 ms; when fewer acknowledged in
   *     time, the transition stands and a warning is logged
   * @return a copy in durable mode
   * @throws IllegalArgumentException when there are no replicas or the timeout is under 1 ms
   */
  public RedisOptions withDurability(int replicas, Duration timeout) {
    return new RedisOptions(payloadLimit, retention, partitions, Optional.of(new Durability(replicas, timeout)),
        callListener, redisFunctions, directConnection, finishBatching);
  }

  /**
   * Sees every request the backend sends to Redis, with how long it took (metrics, cost figures).
   *
   * @param value the listener, replacing the one set before
   * @return a copy with this listener
   */
  public RedisOptions withCallListener(RedisCallListener value) {
    return new RedisOptions(payloadLimit, retention, partitions, durability, Objects.requireNonNull(value, "callListener"),
        redisFunctions, directConnection, finishBatching);
  }

  /**
   * Whether the store loads its transitions into Redis as a Functions library and calls them with
   * {@code FCALL} (the default; Redis 7 or later), or sends them as scripts with {@code EVALSHA}.
   * As functions, the code the transitions share is defined once, when loaded, instead of at every
   * call, which costs Redis less per transition. Where the server refuses {@code FUNCTION LOAD}
   * (Redis 6, a proxy or an ACL that does not allow it) the store uses scripts by itself and logs
   * why; turn functions off for a server that loads them but must not be sent {@code FCALL}.
   *
   * @param value false to call the transitions as scripts
   * @return a copy with this choice
   */
  public RedisOptions withRedisFunctions(boolean value) {
    return new RedisOptions(payloadLimit, retention, partitions, durability, callListener, value, directConnection,
        finishBatching);
  }

  /**
   * Whether the transitions go to Redis on connections of the backend's own (the default) or through
   * the Redisson client's connection pool. Such a connection, one for each master, carries the calls
   * of every thread of the nodes on one {@link RedisBackend} at once, without Redisson's event loop in
   * between, which costs the node about half the CPU of a call; it takes the client's credentials,
   * database, client name, timeouts and retries, follows Redisson's view of which master holds a
   * key's slot (a call a Cluster redirects goes through Redisson), and closes when the backend's last
   * store closes. It serves a client configured for one server or a Cluster over plain TCP
   * ({@code redis://}); with Sentinel, TLS, a credentials resolver or a command mapper, the
   * transitions go through Redisson whatever this says. On the same terms each store's events come on
   * a subscription connection of its own, whose reader hands a message to the store at once (through
   * Redisson, a message is decoded on its event loop and handed to a thread of its executor): with one
   * saga in flight, a fifth less of the node's CPU per saga. It pings a silent connection, opens a
   * broken one again after the client's retry delay and subscribes again. Reads, the other scripts
   * and durable mode's batches always go through Redisson.
   *
   * @param value false to send the transitions and events through Redisson
   * @return a copy with this choice
   */
  public RedisOptions withDirectConnection(boolean value) {
    return new RedisOptions(payloadLimit, retention, partitions, durability, callListener, redisFunctions, value,
        finishBatching);
  }

  /**
   * Whether finishes of several sagas may go to Redis in one call (the default). A backend keeps at
   * most two finish calls out; the finishes that come while both are out queue, and the next call
   * carries them together, up to 16; a finish that finds a call free goes at once. Redis runs them one
   * after the other in that call, each with its own request id and reply, which saves what a call
   * costs around its script: at full speed on one Redis the node's CPU per saga fell 27 to 35 % and
   * throughput rose 9 to 13 % (medians of interleaved processes). On one server (or Sentinel's
   * master) only, when the transitions are Redis functions and not durable: on a Cluster a call may
   * only name keys of one slot.
   *
   * @param value false to send each finish in a call of its own
   * @return a copy with this choice
   */
  public RedisOptions withFinishBatching(boolean value) {
    return new RedisOptions(payloadLimit, retention, partitions, durability, callListener, redisFunctions,
        directConnection, value);
  }

  /** {@return whether finishes of several sagas may share a call where the server allows it} */
  public boolean finishBatching() {
    return finishBatching;
  }

  /** {@return whether the transitions go on the backend's own connections where the client allows it} */
  public boolean directConnection() {
    return directConnection;
  }

  /** {@return whether the transitions are loaded and called as Redis functions where the server allows it} */
  public boolean redisFunctions() {
    return redisFunctions;
  }

  /** {@return the listener of the backend's requests; {@link RedisCallListener#NONE} unless set} */
  public RedisCallListener callListener() {
    return callListener;
  }

  /** {@return the payload limit in bytes} */
  public int payloadLimit() {
    return payloadLimit;
  }

  /** {@return how long settled sagas are kept} */
  public Duration retention() {
    return retention;
  }

  /** {@return the number of partitions of a namespace} */
  public int partitions() {
    return partitions;
  }

  /** {@return the durable mode; empty when transitions do not wait for replicas} */
  public Optional<Durability> durability() {
    return durability;
  }

  @Override
  public String toString() {
    return "RedisOptions[payloadLimit=" + payloadLimit + ", retention=" + retention + ", partitions=" + partitions
        + ", durability=" + durability.map(Durability::toString).orElse("none") + ", redisFunctions=" + redisFunctions
        + ", directConnection=" + directConnection + ", finishBatching=" + finishBatching + "]";
  }

  /**
   * Durable mode: how many replicas acknowledge each transition, and how long to wait for them.
   *
   * @param replicas at least 1
   * @param timeout how long a transition waits for the replicas; when fewer acknowledged in time, the
   *     transition stands and a warning is logged
   */
  public record Durability(int replicas, Duration timeout) {
    /**
     * Checks both values.
     *
     * @param replicas how many replicas acknowledge each transition, at least 1
     * @param timeout how long a transition waits for them, at least 1 ms
     * @throws IllegalArgumentException when there are no replicas or the timeout is under 1 ms
     */
    public Durability {
      Objects.requireNonNull(timeout, "timeout");
      if (replicas < 1) {
        throw new IllegalArgumentException("durable mode needs at least 1 replica, was " + replicas);
      }
      if (timeout.toMillis() < 1) {
        throw new IllegalArgumentException("the durability timeout must be at least 1 ms, was " + timeout);
      }
    }
  }
}
