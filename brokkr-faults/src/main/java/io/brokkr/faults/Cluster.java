package io.brokkr.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The processes of one run: the Redis deployment of its topology, and the node JVMs; on the single
 * topology each node reaches Redis through a fault proxy of its own, on the others directly.
 */
final class Cluster implements AutoCloseable {
  final RedisDeployment redis;
  final List<FaultProxy> proxies = new ArrayList<>();
  final List<NodeHandle> nodes = new ArrayList<>();

  private Cluster(RedisDeployment redis) {
    this.redis = redis;
  }

  static Cluster start(SuiteConfig config, Path workDir, Path ledgerDir) throws IOException {
    Cluster cluster = new Cluster(RedisDeployment.start(config, workDir));
    try {
      Random skew = new Random(config.seed() * 41 + 11);
      for (int i = 1; i <= config.nodes(); i++) {
        RedisAddress address = cluster.redis.address();
        if (config.topology() == Topology.SINGLE) {
          FaultProxy proxy = FaultProxy.to(cluster.redis.servers().get(0).port());
          cluster.proxies.add(proxy);
          address = RedisAddress.single(proxy.uri());
        }
        long offset = config.skewMs() == 0 ? 0 : skew.nextLong(-config.skewMs(), config.skewMs() + 1);
        NodeSettings settings = new NodeSettings(address, config.namespace(), "node-" + i, config.leaseMs(),
            ledgerDir, config.redissonTimeoutMs(), config.redissonRetries(), offset, config.durableReplicas(),
            config.durabilityTimeout().toMillis());
        if (config.skewMs() > 0) {
          System.out.printf("  node-%d clock offset %+d ms%n", i, offset);
        }
        cluster.nodes.add(NodeHandle.start(settings, workDir));
      }
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Ends every fault: Redis up and running, nodes resumed or started again, proxies passing. */
  void healAll() throws IOException {
    redis.heal();
    for (FaultProxy proxy : proxies) {
      proxy.heal();
    }
    for (NodeHandle node : nodes) {
      if (node.isAlive()) {
        node.resume();
      } else {
        node.restart();
      }
    }
  }

  @Override
  public void close() {
    for (NodeHandle node : nodes) {
      node.close();
    }
    for (FaultProxy proxy : proxies) {
      try {
        proxy.close();
      } catch (IOException e) {
        // Closing a proxy cannot fail in a way that matters at the end of a run.
      }
    }
    redis.close();
  }
}
