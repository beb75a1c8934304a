package io.brokkr.runtime.redis.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The harness starts real servers, and stops them. */
class RedisHarnessTest {

  @Test
  void startsAndStopsAServer() throws IOException {
    long pid;
    try (RedisServer server = RedisServer.start()) {
      pid = server.pid();
      assertEquals("+PONG\r\n", server.command("PING"));
      assertEquals("+OK\r\n", server.command("SET brokkr:probe 1"));
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void startsAThreeMasterCluster() throws IOException {
    try (RedisCluster cluster = RedisCluster.start(3)) {
      assertEquals(3, cluster.nodes().size());
      String info = cluster.nodes().get(0).command("CLUSTER INFO");
      assertTrue(info.contains("cluster_known_nodes:3"), info);
      assertTrue(info.contains("cluster_slots_assigned:16384"), info);
    }
  }
}
