package io.brokkr.runtime;

import io.brokkr.runtime.internal.redis.RedisStores;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import java.time.Clock;
import org.redisson.api.RedissonClient;

/**
 * The Redis backend, through a {@link RedissonClient} the application configures (single server,
 * sentinel or cluster; TLS, user and password). Nodes built on it, in this process or any other,
 * share the sagas of their namespace. The client stays the application's: closing a node does not
 * shut it down.
 *
 * <pre>{@code
 * RedisBackend backend = RedisBackend.on(redisson, RedisOptions.defaults().withRetention(Duration.ofDays(1)));
 * Brokkr heads = Brokkr.builder().namespace("hammers").build(backend);
 * }</pre>
 */
public final class RedisBackend implements StoreBackend {
  private final RedisStores stores;

  private RedisBackend(RedisStores stores) {
    this.stores = stores;
  }

  /**
   * {@return a backend with the {@linkplain RedisOptions#defaults() default options}}
   *
   * @param client the application's Redisson client; it stays the application's to shut down
   */
  public static RedisBackend on(RedissonClient client) {
    return on(client, RedisOptions.defaults());
  }

  /**
   * {@return a backend with {@code options}}
   *
   * @param client the application's Redisson client; it stays the application's to shut down
   * @param options payload limit, retention, partitions, durability and call listener
   */
  public static RedisBackend on(RedissonClient client, RedisOptions options) {
    return new RedisBackend(new RedisStores(client, options));
  }

  /**
   * Opens a node's view of {@code namespace}; see {@link StoreBackend#open}.
   *
   * @throws IllegalArgumentException when the namespace is not 1 to 64 letters, digits, '.', '_' or '-'
   * @throws IllegalStateException when the namespace was opened with another number of partitions
   */
  @Override
  public SagaStore open(String namespace, Clock clock) {
    return stores.open(namespace, clock);
  }
}
