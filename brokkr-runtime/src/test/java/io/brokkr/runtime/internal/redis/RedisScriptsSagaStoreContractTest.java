package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.contract.SagaStoreContractTest;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.StoreBackend;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole contract suite on one real redis-server with the transitions called as scripts
 * (EVALSHA), as on a server that refuses Redis Functions: the same rules as functions.
 */
class RedisScriptsSagaStoreContractTest extends SagaStoreContractTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Override
  protected StoreBackend newBackend() {
    return RedisBackend.on(REDIS.client(), RedisOptions.defaults().withRedisFunctions(false));
  }
}
