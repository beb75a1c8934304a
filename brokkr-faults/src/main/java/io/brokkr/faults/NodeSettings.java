package io.brokkr.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a node process is started: where it connects, its lease, and its Redisson timeouts (short
 * ones with retries make Redisson re-send commands whose replies were late).
 *
 * @param redisUri the node's proxy
 * @param namespace the suite's namespace
 * @param nodeId the node id; a restarted node keeps it
 * @param leaseMs the lease duration
 * @param ledgerDir where the node writes its ledger file
 * @param timeoutMs Redisson's command timeout
 * @param retryAttempts Redisson's re-sends of a command that timed out
 */
public record NodeSettings(String redisUri, String namespace, String nodeId, long leaseMs, Path ledgerDir,
    int timeoutMs, int retryAttempts) {

  /** The command-line arguments of {@link NodeMain}. */
  public List<String> toArgs() {
    return new ArrayList<>(List.of(redisUri, namespace, nodeId, String.valueOf(leaseMs), ledgerDir.toString(),
        String.valueOf(timeoutMs), String.valueOf(retryAttempts)));
  }

  /** Reads what {@link #toArgs()} wrote. */
  public static NodeSettings fromArgs(String[] args) {
    return new NodeSettings(args[0], args[1], args[2], Long.parseLong(args[3]), Path.of(args[4]),
        Integer.parseInt(args[5]), Integer.parseInt(args[6]));
  }
}
