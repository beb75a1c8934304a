package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.redis.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** The creator-first rules ({@link CreatorFirstContract}) on one Redis server. */
class CreatorFirstTest extends CreatorFirstContract {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Override
  protected RedissonClient client() {
    return REDIS.client();
  }
}
