package io.brokkr.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The processes of one run: one redis-server, and per node a proxy and a node JVM behind it. */
final class Cluster implements AutoCloseable {
  final RedisProcess redis;
  final List<FaultProxy> proxies = new ArrayList<>();
  final List<NodeHandle> nodes = new ArrayList<>();

  private Cluster(RedisProcess redis) {
    this.redis = redis;
  }

  static Cluster start(SuiteConfig config, Path workDir, Path ledgerDir) throws IOException {
    Cluster cluster = new Cluster(RedisProcess.start(workDir, config.persistence()));
    try {
      for (int i = 1; i <= config.nodes(); i++) {
        FaultProxy proxy = FaultProxy.to(cluster.redis.port());
        cluster.proxies.add(proxy);
        NodeSettings settings = new NodeSettings(proxy.uri(), config.namespace(), "node-" + i, config.leaseMs(),
            ledgerDir, config.redissonTimeoutMs(), config.redissonRetries());
        cluster.nodes.add(NodeHandle.start(settings, workDir));
      }
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  String redisUri() {
    return "redis://127.0.0.1:" + redis.port();
  }

  /** Ends every fault: Redis up and running, nodes resumed or started again, proxies passing. */
  void healAll() throws IOException {
    redis.resume();
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
