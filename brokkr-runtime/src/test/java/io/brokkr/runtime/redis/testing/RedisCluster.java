package io.brokkr.runtime.redis.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Redis Cluster of masters without replicas: {@code redis-server --cluster-enabled yes}
 * on free loopback ports, joined by {@code redis-cli --cluster create}. Stopped by {@link #close()}.
 */
public final class RedisCluster implements AutoCloseable {
  private final List<RedisServer> nodes;

  private RedisCluster(List<RedisServer> nodes) {
    this.nodes = nodes;
  }

  /** Starts {@code masters} nodes (at least 3), creates the cluster and waits until it is ok. */
  public static RedisCluster start(int masters) throws IOException {
    List<RedisServer> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < masters; i++) {
        int port = RedisServer.freePort(true);
        nodes.add(RedisServer.start(port, List.of("--cluster-enabled", "yes",
            "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "5000")));
      }
      RedisCluster cluster = new RedisCluster(nodes);
      cluster.create();
      cluster.awaitOk();
      return cluster;
    } catch (IOException | RuntimeException e) {
      nodes.forEach(RedisServer::close);
      throw e;
    }
  }

  /** The nodes, e.g. for Redisson's cluster config. */
  public List<RedisServer> nodes() {
    return List.copyOf(nodes);
  }

  /** {@code redis://127.0.0.1:<port>} of every node. */
  public List<String> uris() {
    return nodes.stream().map(RedisServer::uri).toList();
  }

  private void create() throws IOException {
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    nodes.forEach(n -> command.add("127.0.0.1:" + n.port()));
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      boolean allOk = true;
      for (RedisServer node : nodes) {
        allOk &= node.command("CLUSTER INFO").contains("cluster_state:ok");
      }
      if (allOk) {
        return;
      }
      RedisServer.pause();
    }
    throw new IOException("the cluster did not reach cluster_state:ok within 30s");
  }

  /** Stops every node. */
  @Override
  public void close() {
    nodes.forEach(RedisServer::close);
  }
}
