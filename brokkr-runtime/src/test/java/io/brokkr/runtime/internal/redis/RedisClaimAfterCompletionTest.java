package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.redis.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** A completion's claim of another saga's queued step on one Redis. */
class RedisClaimAfterCompletionTest extends ClaimAfterCompletionContract {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Override
  protected RedissonClient client() {
    return REDIS.client();
  }
}
