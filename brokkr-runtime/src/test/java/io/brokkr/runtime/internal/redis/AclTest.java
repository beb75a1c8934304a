package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The ACL rule of the README, on a real server: Brokkr works as a user limited to its namespace's
 * keys and channels without dangerous commands, and that user can reach nothing else.
 */
class AclTest {
  /** The rule the README gives for namespace {@code hammers}. */
  static final String RULE = "ACL SETUSER brokkr on >s3cret resetkeys resetchannels ~{hammers:* &{hammers:* &{hammers:events}:n:* +@all -@dangerous";

  @Test
  void brokkrRunsAsAUserLimitedToItsNamespace() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE));
      RedissonClient client = Redissons.of(server, "brokkr", "s3cret");
      try (Brokkr brokkr = Brokkr.redis(client, "hammers")) {
        // A node with a listener hears every saga of the namespace: it subscribes to the inboxes' pattern.
        brokkr.addListener(new SagaListener() {});
        brokkr.registerWorkers(
            Worker.sync("HammerHeadFactory", inv -> "head"),
            Worker.sync("HandleFactory", inv -> "handle"),
            Worker.sync("HammerFactory", inv -> inv.dependencyResults()));
        var handle = brokkr.start(HammerFiguresTest.hammer(), Map.of("headType", "ThunderBestowed", "handleSize", "short"));
        assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
      } finally {
        client.shutdown();
      }

      String auth = "AUTH brokkr s3cret\r\n";
      assertTrue(server.command(auth + "GET orders").contains("-NOPERM"), "another key");
      assertTrue(server.command(auth + "PUBLISH {orders:events} x").contains("-NOPERM"), "another channel");
      assertTrue(server.command(auth + "FLUSHALL").contains("-NOPERM"), "a dangerous command");
      assertTrue(server.command(auth + "HGET {hammers:meta} partitions").contains("16"), "its own keys");
    }
  }
}
