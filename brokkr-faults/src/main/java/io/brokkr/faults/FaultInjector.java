package io.brokkr.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Injects one fault at a time into a {@link Cluster}: draws its kind, target and duration from the
 * seeded random, logs its start and end in the suite's ledger, and heals it before returning.
 */
final class FaultInjector {
  private final Cluster cluster;
  private final LedgerWriter ledger;
  private final Random random;
  private final List<FaultKind> kinds;
  private final long leaseMs;
  private final Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);

  FaultInjector(Cluster cluster, LedgerWriter ledger, Random random, List<FaultKind> kinds, long leaseMs) {
    this.cluster = cluster;
    this.ledger = ledger;
    this.random = random;
    this.kinds = kinds;
    this.leaseMs = leaseMs;
  }

  /** How many faults of each kind were injected. */
  Map<FaultKind, Integer> counts() {
    return counts;
  }

  /** Injects one fault of a random enabled kind and heals it. */
  void injectOne() throws IOException {
    FaultKind kind = kinds.get(random.nextInt(kinds.size()));
    int index = random.nextInt(cluster.nodes.size());
    NodeHandle node = cluster.nodes.get(index);
    FaultProxy proxy = cluster.proxies.get(index);
    long beyondLease = leaseMs + 500 + random.nextInt((int) leaseMs);
    long shortly = 300 + random.nextInt((int) (leaseMs * 3 / 2));
    String target = kind.isGlobal() ? "all" : node.nodeId();
    counts.merge(kind, 1, Integer::sum);
    ledger.append(LedgerEvent.FAULT_START, null, null, 0, null, null, kind + " " + target);
    System.out.printf("  fault %-18s on %-6s%n", kind, target);
    switch (kind) {
      case NODE_KILL -> {
        node.kill();
        Pause.millis(shortly);
        node.restart();
      }
      case NODE_PAUSE -> {
        node.pause();
        Pause.millis(random.nextInt((int) leaseMs * 2) + 200);
        node.resume();
      }
      case MASS_LEASE_EXPIRY -> {
        cluster.nodes.forEach(NodeHandle::pause);
        Pause.millis(beyondLease);
        cluster.nodes.forEach(NodeHandle::resume);
      }
      case REDIS_KILL -> {
        cluster.redis.kill();
        Pause.millis(shortly);
        cluster.redis.restart();
      }
      case REDIS_RESTART -> {
        cluster.redis.shutdown();
        cluster.redis.restart();
      }
      case REDIS_PAUSE -> {
        cluster.redis.pause();
        Pause.millis(beyondLease);
        cluster.redis.resume();
      }
      case CLIENT_PAUSE -> {
        cluster.redis.command("CLIENT PAUSE " + beyondLease + " ALL", Duration.ofSeconds(5));
        Pause.millis(beyondLease);
      }
      case DEBUG_SLEEP -> {
        long seconds = Math.max(1, (beyondLease + 999) / 1000);
        cluster.redis.command("DEBUG SLEEP " + seconds, Duration.ofSeconds(seconds + 10));
      }
      case PROXY_LATENCY -> {
        proxy.latency(50 + random.nextInt(350));
        Pause.millis(shortly + leaseMs);
        proxy.heal();
      }
      case PROXY_DROP_REPLIES, PROXY_ONE_WAY -> {
        proxy.set(kind == FaultKind.PROXY_DROP_REPLIES ? ProxyMode.DROP_REPLIES : ProxyMode.ONE_WAY);
        Pause.millis(shortly);
        proxy.heal();
      }
      case PROXY_RESET -> proxy.resetAll();
      case PROXY_BLACKHOLE -> {
        proxy.set(ProxyMode.BLACKHOLE);
        Pause.millis(beyondLease);
        proxy.heal();
      }
    }
    ledger.append(LedgerEvent.FAULT_END, null, null, 0, null, null, kind + " " + target);
  }
}
