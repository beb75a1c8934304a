package io.brokkr.faults;

import io.brokkr.runtime.RedisOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a node process is started: where it connects, its lease, and its Redisson timeouts (short
 * ones with retries make Redisson re-send commands whose replies were late).
 *
 * @param redis where the node reaches Redis: its proxy, the sentinels, or the cluster
 * @param namespace the suite's namespace
 * @param nodeId the node id; a restarted node keeps it
 * @param leaseMs the lease duration
 * @param ledgerDir where the node writes its ledger file
 * @param timeoutMs Redisson's command timeout
 * @param retryAttempts Redisson's re-sends of a command that timed out
 * @param clockOffsetMs how far the node's clock is ahead of the system clock (negative: behind)
 * @param durableReplicas 0, or the replicas each transition waits for (durable mode)
 * @param durableTimeoutMs how long a durable transition waits for them
 */
public record NodeSettings(RedisAddress redis, String namespace, String nodeId, long leaseMs, Path ledgerDir,
    int timeoutMs, int retryAttempts, long clockOffsetMs, int durableReplicas, long durableTimeoutMs) {

  /** The command-line arguments of {@link NodeMain}. */
  public List<String> toArgs() {
    return new ArrayList<>(List.of(redis.toArg(), namespace, nodeId, String.valueOf(leaseMs), ledgerDir.toString(),
        String.valueOf(timeoutMs), String.valueOf(retryAttempts), String.valueOf(clockOffsetMs),
        String.valueOf(durableReplicas), String.valueOf(durableTimeoutMs)));
  }

  /** Reads what {@link #toArgs()} wrote. */
  public static NodeSettings fromArgs(String[] args) {
    return new NodeSettings(RedisAddress.fromArg(args[0]), args[1], args[2], Long.parseLong(args[3]), Path.of(args[4]),
        Integer.parseInt(args[5]), Integer.parseInt(args[6]), Long.parseLong(args[7]), Integer.parseInt(args[8]),
        Long.parseLong(args[9]));
  }

  /** The Redis store options of the node: durable when {@link #durableReplicas} is set. */
  public RedisOptions storeOptions() {
    return storeOptions(durableReplicas, durableTimeoutMs);
  }

  /** The store options of a node (the suite's own included) that waits for {@code replicas}, 0 for none. */
  static RedisOptions storeOptions(int replicas, long timeoutMs) {
    return replicas > 0 ? RedisOptions.defaults().withDurability(replicas, Duration.ofMillis(timeoutMs))
        : RedisOptions.defaults();
  }
}
