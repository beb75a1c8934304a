package io.brokkr.runtime;

import io.brokkr.runtime.internal.memory.MemoryBackend;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import io.brokkr.runtime.spi.StoreLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The embedded in-memory backend, for development, tests and samples. Nodes built on the same
 * backend behave as nodes of one cluster: they share the sagas and the ready work of a namespace,
 * and each runs only the workers it registered.
 *
 * <pre>{@code
 * InMemoryBackend backend = InMemoryBackend.create();
 * Brokkr heads = Brokkr.builder().build(backend);
 * Brokkr hammers = Brokkr.builder().build(backend);
 * }</pre>
 */
public final class InMemoryBackend implements StoreBackend {
  /** How long a settled saga is kept unless told otherwise: as on Redis, 7 days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  private final MemoryBackend sagas;

  private InMemoryBackend(Duration retention, StoreLimits limits) {
    this.sagas = new MemoryBackend(retention, limits);
  }

  /**
   * {@return a new, empty backend that keeps settled sagas {@link #DEFAULT_RETENTION}, with the payload limit
   * of Redis ({@link StoreLimits#DEFAULT_PAYLOAD_LIMIT})}
   */
  public static InMemoryBackend create() {
    return new InMemoryBackend(DEFAULT_RETENTION, StoreLimits.DEFAULTS);
  }

  /**
   * {@return a new, empty backend that drops a saga {@code retention} after it settled (or was created, if
   * it is never started), as Redis does ({@link RedisOptions#withRetention})}
   *
   * @param retention how long to keep a settled saga, at least 1 ms
   * @throws IllegalArgumentException when the retention is under 1 ms
   */
  public static InMemoryBackend create(Duration retention) {
    return create(retention, StoreLimits.DEFAULT_PAYLOAD_LIMIT);
  }

  /**
   * {@return a new, empty backend with {@code retention} as {@link #create(Duration)} and a payload limit of
   * {@code payloadLimit} bytes, as Redis has ({@link RedisOptions#withPayloadLimit}): larger args or
   * results are refused, as they are on Redis, and ids follow the same rules}
   *
   * @param retention how long to keep a settled saga, at least 1 ms
   * @param payloadLimit the largest args, result or failure reason of one step, in bytes of UTF-8
   * @throws IllegalArgumentException when the retention is under 1 ms or the limit under 1024 bytes
   */
  public static InMemoryBackend create(Duration retention, int payloadLimit) {
    Objects.requireNonNull(retention, "retention");
    if (retention.toMillis() < 1) {
      throw new IllegalArgumentException("the retention must be at least 1 ms, was " + retention);
    }
    return new InMemoryBackend(retention, new StoreLimits(payloadLimit));
  }

  @Override
  public SagaStore open(String namespace, Clock clock) {
    return sagas.open(namespace, clock);
  }
}
