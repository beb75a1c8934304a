package io.brokkr.faults;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Injects one fault at a time into a {@link Cluster}: draws its kind, target and duration from the
 * seeded random, logs its start and end in the suite's ledger, and heals it before returning. Redis
 * faults hit the one server, or one master of a cluster drawn from the seed.
 */
final class FaultInjector {
  /** The faults that hit one Redis server. */
  private static final Set<FaultKind> ON_ONE_SERVER = EnumSet.of(FaultKind.REDIS_KILL, FaultKind.REDIS_RESTART,
      FaultKind.REDIS_PAUSE, FaultKind.CLIENT_PAUSE, FaultKind.DEBUG_SLEEP);

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
    List<RedisProcess> servers = cluster.redis.servers();
    // One draw more only where there is a choice, so that a seed keeps its plan on the single topology.
    RedisProcess redis = servers.size() == 1 ? servers.get(0) : servers.get(random.nextInt(servers.size()));
    long beyondLease = leaseMs + 500 + random.nextInt((int) leaseMs);
    long shortly = 300 + random.nextInt((int) (leaseMs * 3 / 2));
    String target = kind.isGlobal() ? "all" : node.nodeId();
    counts.merge(kind, 1, Integer::sum);
    ledger.append(LedgerEvent.FAULT_START, null, null, 0, null, null, kind + " " + target);
    System.out.printf("  fault %-18s on %-6s%s%n", kind, target,
        servers.size() > 1 && ON_ONE_SERVER.contains(kind) ? " (redis :" + redis.port() + ")" : "");
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
        redis.kill();
        Pause.millis(shortly);
        redis.restart();
      }
      case REDIS_RESTART -> {
        redis.shutdown();
        redis.restart();
      }
      case REDIS_PAUSE -> {
        redis.pause();
        Pause.millis(beyondLease);
        redis.resume();
      }
      case CLIENT_PAUSE -> {
        redis.command("CLIENT PAUSE " + beyondLease + " ALL", Duration.ofSeconds(5));
        Pause.millis(beyondLease);
      }
      case DEBUG_SLEEP -> {
        long seconds = Math.max(1, (beyondLease + 999) / 1000);
        redis.command("DEBUG SLEEP " + seconds, Duration.ofSeconds(seconds + 10));
      }
      case SENTINEL_FAILOVER -> ((SentinelGroup) cluster.redis).failover();
      case PROXY_LATENCY -> {
        FaultProxy proxy = cluster.proxies.get(index);
        proxy.latency(50 + random.nextInt(350));
        Pause.millis(shortly + leaseMs);
        proxy.heal();
      }
      case PROXY_DROP_REPLIES, PROXY_ONE_WAY -> {
        FaultProxy proxy = cluster.proxies.get(index);
        proxy.set(kind == FaultKind.PROXY_DROP_REPLIES ? ProxyMode.DROP_REPLIES : ProxyMode.ONE_WAY);
        Pause.millis(shortly);
        proxy.heal();
      }
      case PROXY_RESET -> cluster.proxies.get(index).resetAll();
      case PROXY_BLACKHOLE -> {
        FaultProxy proxy = cluster.proxies.get(index);
        proxy.set(ProxyMode.BLACKHOLE);
        Pause.millis(beyondLease);
        proxy.heal();
      }
    }
    ledger.append(LedgerEvent.FAULT_END, null, null, 0, null, null, kind + " " + target);
  }
}
