package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.contract.SagaStoreContractTest;
import io.brokkr.runtime.redis.testing.RedisCluster;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

  @Test
  void theSagasOfANamespaceSpreadOverEveryMaster() throws IOException {
    KeyLayout keys = new KeyLayout("spread", RedisOptions.DEFAULT_PARTITIONS);
    Set<Integer> partitions = new HashSet<>();
    try (SagaStore store = RedisBackend.on(client).open("spread")) {
      for (int i = 0; partitions.size() < keys.partitions(); i++) {
        if (partitions.add(keys.partitionOf("saga-" + i))) {
          store.createSaga("saga-" + i);
        }
      }
    }
    for (RedisServer master : cluster.nodes()) {
      String sagas = master.command("KEYS {spread:*:saga:*");
      assertTrue(sagas.startsWith("*") && !sagas.startsWith("*0"), "master " + master.port() + " holds no saga: " + sagas);
    }
  }
}
