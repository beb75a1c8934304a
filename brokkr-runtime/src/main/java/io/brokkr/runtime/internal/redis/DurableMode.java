package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisOptions;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a durable transition waits: WAITAOF where the server has it (Redis 7.2+) and its replicas
 * fsync their append-only files, else WAIT, which only waits for the replicas to receive the write.
 *
 * @param options the batch options that append the wait to a transition
 * @param replicas how many replicas must acknowledge
 * @param description the command, for messages
 */
record DurableMode(BatchOptions options, int replicas, String description) {
  private static final Logger LOG = LoggerFactory.getLogger(DurableMode.class);

  /** Chooses the mode by trying WAITAOF once on {@code probeKey}'s node. */
  static DurableMode choose(RedissonClient client, RedisOptions.Durability durability, String probeKey) {
    int replicas = durability.replicas();
    BatchOptions aof = BatchOptions.defaults().syncAOF(1, replicas, durability.timeout());
    String reason;
    try {
      RBatch probe = client.createBatch(aof);
      probe.getBucket(probeKey, StringCodec.INSTANCE).isExistsAsync();
      BatchResult<?> result = probe.execute();
      if (result.getSyncedSlaves() >= replicas) {
        return new DurableMode(aof, replicas, "WAITAOF 1 " + replicas + " " + durability.timeout().toMillis());
      }
      reason = "only " + result.getSyncedSlaves() + " replicas fsynced their append-only file in time";
    } catch (RedisException e) {
      reason = e.getMessage();
    }
    String wait = "WAIT " + replicas + " " + durability.timeout().toMillis();
    LOG.info("Brokkr durable mode uses " + wait + " (WAITAOF is not available: " + reason + ")");
    return new DurableMode(BatchOptions.defaults().sync(replicas, durability.timeout()), replicas, wait);
  }
}
