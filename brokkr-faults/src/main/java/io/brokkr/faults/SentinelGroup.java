package io.brokkr.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentinel topology: a master, its replicas and three sentinels, each a {@code redis-server} on a
 * free loopback port, stopped by pid. {@link #failover()} kills the master the sentinels know and
 * brings it back as a replica of the one they promoted.
 */
final class SentinelGroup implements RedisDeployment {
  /** The name the sentinels monitor. */
  static final String MASTER_NAME = "faults";
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration ASK = Duration.ofSeconds(2);

  private final List<RedisProcess> servers = new ArrayList<>();
  private final List<RedisProcess> sentinels = new ArrayList<>();

  private SentinelGroup() {}

  /** Starts a master with {@code replicas} replicas, persisting as {@code persistence}, and three sentinels. */
  static SentinelGroup start(Path dir, Persistence persistence, int replicas) throws IOException {
    SentinelGroup group = new SentinelGroup();
    try {
      RedisProcess master = RedisProcess.start(dir, RedisProcess.freePort(), persistence, List.of());
      group.servers.add(master);
      for (int i = 0; i < replicas; i++) {
        group.servers.add(RedisProcess.start(dir, RedisProcess.freePort(), persistence,
            List.of("--replicaof", "127.0.0.1", String.valueOf(master.port()))));
      }
      group.awaitInSync(master.port());
      for (int i = 0; i < 3; i++) {
        group.sentinels.add(RedisProcess.sentinel(dir, MASTER_NAME, master.port()));
      }
      String known = "slaves=" + replicas + ",sentinels=3";
      for (RedisProcess sentinel : group.sentinels) {
        Await.until("sentinel " + sentinel.port() + " knows the replicas and the other sentinels", PATIENCE,
            () -> sentinel.command("INFO sentinel", ASK).contains(known));
      }
      return group;
    } catch (IOException | RuntimeException e) {
      group.close();
      throw e;
    }
  }

  @Override
  public RedisAddress address() {
    return new RedisAddress(Topology.SENTINEL, MASTER_NAME, sentinels.stream().map(RedisProcess::uri).toList());
  }

  @Override
  public List<RedisProcess> servers() {
    return List.copyOf(servers);
  }

  /**
   * {@code kill -9} of the master the sentinels know; once they promoted a replica, the old master
   * starts again on its port and data as a replica of the new one; returns once every replica is in sync.
   */
  void failover() throws IOException {
    int oldPort = masterPort();
    RedisProcess old = server(oldPort);
    old.kill();
    Await.until("the sentinels promote a replica of " + oldPort, PATIENCE, () -> masterPort() != oldPort);
    int newPort = masterPort();
    old.restartAsReplicaOf(newPort);
    awaitInSync(newPort);
  }

  @Override
  public void heal() throws IOException {
    sentinels.forEach(RedisProcess::resume);
    for (RedisProcess server : servers) {
      server.resume();
    }
    int master = masterPort();
    for (RedisProcess server : servers) {
      if (!server.isAlive()) {
        server.restartAsReplicaOf(master);
      }
    }
    awaitInSync(master);
  }

  /** The master's port, as the sentinels tell it. */
  private int masterPort() throws IOException {
    IOException last = new IOException("no sentinel");
    for (RedisProcess sentinel : sentinels) {
      try {
        String[] lines = sentinel.command("SENTINEL get-master-addr-by-name " + MASTER_NAME, ASK).split("\r\n");
        return Integer.parseInt(lines[lines.length - 1].trim());
      } catch (IOException | NumberFormatException e) {
        last = e instanceof IOException io ? io : new IOException(e);
      }
    }
    throw last;
  }

  private RedisProcess server(int port) {
    return servers.stream().filter(s -> s.port() == port).findFirst()
        .orElseThrow(() -> new IllegalStateException("the sentinels name an unknown master on port " + port));
  }

  /**
   * Waits until every server but the master replicates from it with its link up (it loaded the
   * master's data), then makes it one the sentinels may promote.
   */
  private void awaitInSync(int masterPort) throws IOException {
    for (RedisProcess server : servers) {
      if (server.port() != masterPort) {
        Await.until("replica " + server.port() + " in sync with master " + masterPort, PATIENCE, () -> {
          String info = server.command("INFO replication", ASK);
          return info.contains("master_port:" + masterPort + "\r\n") && info.contains("master_link_status:up");
        });
        server.command("CONFIG SET replica-priority 100", ASK);
      }
    }
  }

  @Override
  public void close() {
    sentinels.forEach(RedisProcess::close);
    servers.forEach(RedisProcess::close);
  }
}
