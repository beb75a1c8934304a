package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.contract.SagaStoreContractTest;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.StoreBackend;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;

/** The whole contract suite on one real redis-server. Each test has its own namespace. */
class RedisSagaStoreContractTest extends SagaStoreContractTest {
  private static RedisServer server;
  private static RedissonClient client;

  @BeforeAll
  static void startServer() throws IOException {
    server = RedisServer.start();
    client = Redissons.of(server);
  }

  @AfterAll
  static void stopServer() {
    client.shutdown();
    server.close();
  }

  @Override
  protected StoreBackend newBackend() {
    return RedisBackend.on(client);
  }
}
