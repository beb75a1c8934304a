package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.redis.testing.Redissons;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** The creator-first rules ({@link CreatorFirstContract}) on one Redis server, subscribed through Redisson's sharded topics. */
class CreatorFirstThroughRedissonOnServerTest extends CreatorFirstContract {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Override
  protected RedissonClient client() {
    return REDIS.client();
  }

  @Override
  protected Optional<RedissonClient> redissonOfItsOwn() {
    return Optional.of(Redissons.of(REDIS.redisServer()));
  }
}
