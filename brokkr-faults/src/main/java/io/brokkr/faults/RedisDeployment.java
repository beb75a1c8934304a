package io.brokkr.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The Redis processes of one run, in one {@link Topology}: started, healed and stopped by the suite. */
interface RedisDeployment extends AutoCloseable {

  /** Starts the deployment of {@code config}'s topology, its data in {@code dir}. */
  static RedisDeployment start(SuiteConfig config, Path dir) throws IOException {
    return switch (config.topology()) {
      case SINGLE -> new SingleRedis(RedisProcess.start(dir, config.persistence()));
      case SENTINEL -> SentinelGroup.start(dir, config.persistence(), Math.max(1, config.durableReplicas()));
      case CLUSTER -> ClusterGroup.start(dir, config.persistence(), 3);
    };
  }

  /** Where clients reach it directly. */
  RedisAddress address();

  /** The data servers that Redis faults may hit (on a sentinel group: the master first). */
  List<RedisProcess> servers();

  /** Ends every fault: each server runs and answers, replicas are in sync, a cluster is ok. */
  void heal() throws IOException;

  @Override
  void close();
}
