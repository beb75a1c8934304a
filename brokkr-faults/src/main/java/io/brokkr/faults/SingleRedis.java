package io.brokkr.faults;

import java.util.List;

/** The single topology: one redis-server. */
final class SingleRedis implements RedisDeployment {
  private final RedisProcess redis;

  SingleRedis(RedisProcess redis) {
    this.redis = redis;
  }

  @Override
  public RedisAddress address() {
    return RedisAddress.single(redis.uri());
  }

  @Override
  public List<RedisProcess> servers() {
    return List.of(redis);
  }

  @Override
  public void heal() {
    redis.resume();
  }

  @Override
  public void close() {
    redis.close();
  }
}
