package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.redis.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/** A completion's claim of another saga's queued step on a real 3-master Redis Cluster. */
class RedisClusterClaimAfterCompletionTest extends ClaimAfterCompletionContract {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.cluster(3);

  @Override
  protected RedissonClient client() {
    return REDIS.client();
  }
}
