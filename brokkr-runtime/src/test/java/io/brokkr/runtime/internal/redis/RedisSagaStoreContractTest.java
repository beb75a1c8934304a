package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.contract.SagaStoreContractTest;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.StoreBackend;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole contract suite on one real redis-server. Each test has its own namespace. */
class RedisSagaStoreContractTest extends SagaStoreContractTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Override
  protected StoreBackend newBackend() {
    return RedisBackend.on(REDIS.client());
  }
}
