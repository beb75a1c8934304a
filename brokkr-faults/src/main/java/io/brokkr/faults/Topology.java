package io.brokkr.faults;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the suite's Redis is deployed, and which faults apply to it. Only {@link #SINGLE} has the
 * fault proxy between the nodes and Redis; on the others the nodes connect directly (Redisson follows
 * the addresses it discovers), so proxy faults are not drawn there.
 */
public enum Topology {
  /** One {@code redis-server}, each node behind a fault proxy. */
  SINGLE(EnumSet.complementOf(EnumSet.of(FaultKind.SENTINEL_FAILOVER))),
  /**
   * A master, its replicas and three {@code redis-server --sentinel} processes; nodes use Redisson's
   * sentinel mode. Stalls of the master (pauses, {@code DEBUG SLEEP}) are not drawn: the sentinels
   * would fail it over while it still holds its clients' queued commands, a split brain that loses
   * writes by design.
   */
  SENTINEL(EnumSet.of(FaultKind.NODE_KILL, FaultKind.NODE_PAUSE, FaultKind.MASS_LEASE_EXPIRY,
      FaultKind.SENTINEL_FAILOVER)),
  /** A Redis Cluster of three masters without replicas; Redis faults hit one master at a time. */
  CLUSTER(EnumSet.of(FaultKind.NODE_KILL, FaultKind.NODE_PAUSE, FaultKind.MASS_LEASE_EXPIRY, FaultKind.REDIS_KILL,
      FaultKind.REDIS_RESTART, FaultKind.REDIS_PAUSE, FaultKind.CLIENT_PAUSE, FaultKind.DEBUG_SLEEP));

  private final Set<FaultKind> kinds;

  Topology(Set<FaultKind> kinds) {
    this.kinds = kinds;
  }

  /** The fault kinds that apply to this topology, in declaration order. */
  public List<FaultKind> kinds() {
    return List.copyOf(EnumSet.copyOf(kinds));
  }

  /** Whether {@code kind} applies to this topology. */
  public boolean allows(FaultKind kind) {
    return kinds.contains(kind);
  }
}
