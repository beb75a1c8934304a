package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Durable mode against a master with one replica: every transition returns only once the replica
 * has it, so the replica holds the settled saga as soon as its outcome is known.
 */
class DurableModeTest {

  @Test
  void everyTransitionReachesTheReplicaBeforeItReturns() throws Exception {
    // No delay before the first sync (5 s by default for diskless replication).
    try (RedisServer master = RedisServer.start(List.of("--repl-diskless-sync-delay", "0"));
        RedisServer replica = RedisServer.start(List.of("--replicaof", "127.0.0.1", String.valueOf(master.port())))) {
      awaitLink(replica);
      RedissonClient client = Redissons.of(master);
      RedisBackend backend = RedisBackend.on(client, RedisOptions.defaults().withDurability(1, Duration.ofSeconds(5)));
      try (Brokkr brokkr = Brokkr.builder().namespace("durable").build(backend);
          RedisSagaStore store = (RedisSagaStore) backend.open("durable")) {
        // The harness runs Redis without an append-only file, so WAITAOF is not available: WAIT.
        assertEquals("WAIT 1 5000", store.durability());
        brokkr.registerWorkers(
            Worker.sync("HammerHeadFactory", inv -> "head"),
            Worker.sync("HandleFactory", inv -> "handle"),
            Worker.sync("HammerFactory", inv -> "hammer"));
        SagaOutcome outcome = brokkr.start(HammerFiguresTest.hammer(),
            Map.of("headType", "ThunderBestowed", "handleSize", "short")).outcome().get(30, TimeUnit.SECONDS);
        assertEquals(SagaStatus.FINISHED, outcome.status());

        String key = new KeyLayout("durable", RedisOptions.DEFAULT_PARTITIONS).sagaKey(outcome.sagaId());
        assertTrue(replica.command("HGET " + key + " status").contains("FINISHED"), "the replica has the last transition");
      } finally {
        client.shutdown();
      }
    }
  }

  private static void awaitLink(RedisServer replica) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!replica.command("INFO replication").contains("master_link_status:up")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the replica did not connect: " + replica.command("INFO replication"));
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }
}
