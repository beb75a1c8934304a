package io.brokkr.faults;

/** The faults the suite schedules, one at a time, each for a duration drawn from the seed. */
public enum FaultKind {
  /** {@code kill -9} of a node; a new process with the same node id starts after a while. */
  NODE_KILL(false),
  /** SIGSTOP of a node, for up to twice the lease, then SIGCONT. */
  NODE_PAUSE(false),
  /** Every node paused at once for longer than the lease, then resumed together: every lease expires. */
  MASS_LEASE_EXPIRY(true),
  /** {@code kill -9} of redis-server (on a cluster: of one master), started again on the same port and data. */
  REDIS_KILL(true),
  /** SIGTERM of redis-server (it flushes and exits), started again on the same port and data. */
  REDIS_RESTART(true),
  /** SIGSTOP of redis-server for longer than a lease, then SIGCONT. */
  REDIS_PAUSE(true),
  /** {@code CLIENT PAUSE <ms> ALL} for longer than a lease. */
  CLIENT_PAUSE(true),
  /** {@code DEBUG SLEEP <s>}: the server blocks for longer than a lease. */
  DEBUG_SLEEP(true),
  /**
   * Sentinel topology: {@code kill -9} of the current master; the sentinels promote a replica, and the
   * old master comes back as a replica of the new one. The fault ends once every replica is in sync.
   */
  SENTINEL_FAILOVER(true),
  /** One node's proxy delays every chunk of bytes by 50 to 400 ms. */
  PROXY_LATENCY(false),
  /** One node's proxy swallows Redis's replies (the commands still run), then resets those connections. */
  PROXY_DROP_REPLIES(false),
  /** One node's proxy resets every connection (RST). */
  PROXY_RESET(false),
  /** One node's proxy passes nothing for longer than a lease, then resets those connections. */
  PROXY_BLACKHOLE(false),
  /** One node's proxy swallows its requests while Redis's pushes still reach it, then resets. */
  PROXY_ONE_WAY(false);

  private final boolean global;

  FaultKind(boolean global) {
    this.global = global;
  }

  /** Whether the fault touches every node (Redis, or all nodes at once) rather than one node. */
  public boolean isGlobal() {
    return global;
  }
}
