package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisOptions;
import java.util.Optional;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Brokkr on its Redis store, through one Redisson client that every run's node shares, as the
 * nodes of one application would.
 */
final class RedisTarget implements BrokkrTarget {
  private final RedisAddress address;
  private final RedissonClient redisson;

  private final RedisOptions options;
  private final boolean observed;

  /**
   * @param connections the client's connection pool: a small one lets Redisson send concurrent
   *     calls back to back on one socket, as BullMQ's ioredis does on its one connection
   * @param options the backend's options (its connections, finish batching)
   * @param observed with metrics and tracing on ({@link Observed})
   */
  RedisTarget(RedisAddress address, int connections, RedisOptions options, boolean observed) {
    this.address = address;
    this.options = options;
    this.observed = observed;
    Config config = new Config();
    config.useSingleServer().setAddress(address.url()).setConnectionPoolSize(connections)
        .setConnectionMinimumIdleSize(connections);
    this.redisson = Redisson.create(config);
  }

  @Override
  public String name() {
    return observed ? Goals.REDIS + "-observed" : Goals.REDIS;
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.of(address);
  }

  @Override
  public Brokkr node(String namespace, int concurrency) {
    return Observed.onIf(observed, Brokkr.builder().namespace(namespace).concurrency(concurrency)).redis(redisson, options);
  }

  @Override
  public void close() {
    redisson.shutdown();
  }
}
