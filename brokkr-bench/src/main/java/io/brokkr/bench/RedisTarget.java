package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
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

  RedisTarget(RedisAddress address) {
    this.address = address;
    Config config = new Config();
    config.useSingleServer().setAddress(address.url());
    this.redisson = Redisson.create(config);
  }

  @Override
  public String name() {
    return Goals.REDIS;
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.of(address);
  }

  @Override
  public Brokkr node(String namespace, int concurrency) {
    return Brokkr.builder().namespace(namespace).concurrency(concurrency).redis(redisson);
  }

  @Override
  public void close() {
    redisson.shutdown();
  }
}
