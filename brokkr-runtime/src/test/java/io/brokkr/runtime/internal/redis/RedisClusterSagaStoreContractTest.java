package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.contract.SagaStoreContractTest;
import io.brokkr.runtime.redis.testing.RedisCluster;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.StoreBackend;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;

/**
 * The whole contract suite on a real 3-master Redis Cluster: the same scripts, each call on the one
 * slot of its saga's partition, the partitions spread over the masters.
 */
class RedisClusterSagaStoreContractTest extends SagaStoreContractTest {
  private static RedisCluster cluster;
  private static RedissonClient client;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = RedisCluster.start(3);
    client = Redissons.of(cluster);
  }

  @AfterAll
  static void stopCluster() {
    client.shutdown();
    cluster.close();
  }

  @Override
  protected StoreBackend newBackend() {
    return RedisBackend.on(client);
  }
}
