package io.brokkr.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cluster topology: masters without replicas ({@code redis-server --cluster-enabled yes} on free
 * loopback ports whose bus ports, 10000 above, are free too), joined by {@code redis-cli --cluster
 * create}. A master that is killed starts again on its port, data and cluster config.
 */
final class ClusterGroup implements RedisDeployment {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final List<RedisProcess> masters = new ArrayList<>();

  private ClusterGroup() {}

  /** Starts {@code count} masters persisting as {@code persistence}, creates the cluster and waits until it is ok. */
  static ClusterGroup start(Path dir, Persistence persistence, int count) throws IOException {
    ClusterGroup group = new ClusterGroup();
    try {
      for (int i = 0; i < count; i++) {
        // A node timeout beyond the longest stall the suite injects: a paused master is not failed.
        group.masters.add(RedisProcess.start(dir, RedisProcess.freePortWithBus(), persistence, List.of(
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "10000")));
      }
      group.create();
      group.awaitOk();
      return group;
    } catch (IOException | RuntimeException e) {
      group.close();
      throw e;
    }
  }

  private void create() throws IOException {
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    masters.forEach(m -> command.add("127.0.0.1:" + m.port()));
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("redis-cli --cluster create failed: " + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating the cluster", e);
    }
  }

  private void awaitOk() throws IOException {
    for (RedisProcess master : masters) {
      Await.until("master " + master.port() + " sees the cluster ok", PATIENCE,
          () -> master.command("CLUSTER INFO", Duration.ofSeconds(2)).contains("cluster_state:ok"));
    }
  }

  @Override
  public RedisAddress address() {
    return new RedisAddress(Topology.CLUSTER, "", masters.stream().map(RedisProcess::uri).toList());
  }

  @Override
  public List<RedisProcess> servers() {
    return List.copyOf(masters);
  }

  @Override
  public void heal() throws IOException {
    for (RedisProcess master : masters) {
      if (master.isAlive()) {
        master.resume();
      } else {
        master.restart();
      }
    }
    awaitOk();
  }

  @Override
  public void close() {
    masters.forEach(RedisProcess::close);
  }
}
