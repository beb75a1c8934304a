package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.redis.testing.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;

/**
 * The creator-first rules ({@link CreatorFirstContract}) on a 3-master Cluster: a node subscribes to
 * its channels of a worker on the master of each partition's slot, where the script's {@code
 * SPUBLISH} counts it (a {@code PUBLISH} there counts only that master's subscribers, so the
 * thirty-fourth round's build told every node of the worker on a Cluster).
 */
class CreatorFirstOnClusterTest extends CreatorFirstContract {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.cluster(3);

  @Override
  protected RedissonClient client() {
    return REDIS.client();
  }
}
