package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.contract.OneCallContractTest;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.SagaStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** createAndStart and finishAndClaim on a real 3-master Redis Cluster. */
class RedisClusterOneCallContractTest extends OneCallContractTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.cluster(3);

  @Override
  protected SagaStore open(String namespace) {
    return RedisBackend.on(REDIS.client()).open(namespace);
  }
}
