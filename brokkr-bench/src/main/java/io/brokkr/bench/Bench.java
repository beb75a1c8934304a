package io.brokkr.bench;

import io.brokkr.runtime.redis.testing.RedisServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of the benchmark: the Redis (a private server unless a URL was given), the peers, and
 * every case of the plan on every peer that supports it.
 */
final class Bench implements AutoCloseable {
  private final BenchOptions options;
  private final PrintStream log;
  private final Optional<RedisServer> ownServer;
  private final Optional<RedisAddress> redis;
  private final List<Peer> peers = new ArrayList<>();
  private final Map<String, String> about = new LinkedHashMap<>();
  private final Runnable collectHeap;

  private Bench(BenchOptions options, PrintStream log, Optional<RedisServer> ownServer, Optional<RedisAddress> redis,
      Runnable collectHeap) {
    this.options = options;
    this.log = log;
    this.ownServer = ownServer;
    this.redis = redis;
    this.collectHeap = collectHeap;
  }

  /**
   * A bench of the given peers, with no Redis of its own, that calls {@code collectHeap} where it
   * would collect its heap: for tests of how a run takes its cases.
   */
  static Bench of(BenchOptions options, PrintStream log, List<Peer> peers, Runnable collectHeap) {
    Bench bench = new Bench(options, log, Optional.empty(), Optional.empty(), collectHeap);
    bench.peers.addAll(peers);
    return bench;
  }

  /** Starts or finds Redis and opens the peers; a peer that cannot run is named and left out. */
  static Bench open(BenchOptions options, PrintStream log) throws IOException {
    boolean needsRedis = options.peers().stream().anyMatch(p -> p.startsWith("redis") || p.equals("bullmq"));
    Optional<RedisServer> server = Optional.empty();
    Optional<RedisAddress> redis = options.redisUrl().map(RedisAddress::parse);
    if (needsRedis && redis.isEmpty()) {
      server = Optional.of(RedisServer.start());
      redis = Optional.of(new RedisAddress("127.0.0.1", server.get().port()));
    }
    Bench bench = new Bench(options, log, server, redis, System::gc);
    try {
      bench.openPeers();
    } catch (IOException | RuntimeException e) {
      bench.close();
      throw e;
    }
    return bench;
  }

  /** The peers opened, in the order they run. */
  List<Peer> peers() {
    return List.copyOf(peers);
  }

  private void openPeers() throws IOException {
    String runTag = Long.toString(System.currentTimeMillis(), 36);
    if (options.peers().stream().anyMatch(p -> p.startsWith("memory"))) {
      about.put("brokkr-memory-retention", options.memoryRetention().toString());
    }
    for (Observed.Signals signals : Observed.Signals.values()) {
      if (options.peers().contains("memory" + signals.suffix())) {
        peers.add(new BrokkrPeer(new MemoryTarget(signals, options.memoryRetention()), runTag));
      }
    }
    for (String temporal : List.of(TemporalPeer.IN_PROCESS, TemporalPeer.GRPC)) {
      if (options.peers().contains(temporal)) {
        peers.add(new TemporalPeer(temporal.equals(TemporalPeer.GRPC), runTag));
        about.put("temporal-sdk", TemporalPeer.version() + " (its test server, in this JVM)");
      }
    }
    if (options.peers().contains("floor")) {
      peers.add(new FloorPeer());
    }
    if (redis.isPresent()) {
      RedisAddress address = redis.get();
      try (RedisConnection connection = RedisConnection.open(address)) {
        String server = Objects.toString(connection.call("INFO", "server"));
        about.put("redis-server", field(server, "redis_version") + (ownServer.isPresent()
            ? " (private, port " + address.port() + ")" : " at " + address.url()));
      }
      if (options.peers().stream().anyMatch(p -> p.startsWith("redis"))) {
        about.put("brokkr-redisson-connections", String.valueOf(options.redisConnections()));
        about.put("brokkr-redis-transitions", options.redisDirect() ? "direct" : "pool");
        about.put("brokkr-redis-finish-batching", options.redisFinishBatching() ? "on" : "off");
      }
      if (options.peers().contains("redis")) {
        peers.add(new BrokkrPeer(new RedisTarget(address, options.redisConnections(), options.redisOptions(), false), runTag));
      }
      if (options.peers().contains("redis-observed")) {
        peers.add(new BrokkrPeer(new RedisTarget(address, options.redisConnections(), options.redisOptions(), true), runTag));
      }
      if (options.peers().contains("bullmq")) {
        BullmqPeer.open(options.bullmqDir(), address, runTag, log).ifPresent(bullmq -> {
          about.putAll(bullmq.versions());
          peers.add(bullmq);
        });
      }
    }
  }

  /**
   * Runs every case on every peer that supports it, their runs taking {@link Turns}; a failing case
   * is reported, not fatal.
   */
  Report run(String command) {
    List<Case> cases = Plan.of(options);
    List<CaseResult> results = new ArrayList<>();
    FirstCases firstCases = new FirstCases(options.warmupSeconds());
    for (Case c : cases) {
      results.addAll(runCase(c, firstCases));
    }
    List<String> names = peers.stream().map(Peer::name).toList();
    return new Report(Machine.describe(about), command, names, cases, results, Goals.check(results));
  }

  /** Runs a case: each group of {@link Turns#groups} in turn, its peers' runs taking turns among themselves. */
  private List<CaseResult> runCase(Case c, FirstCases firstCases) {
    log.printf("%s%n", c.label());
    List<Peer> running = peers.stream().filter(peer -> peer.supports(c)).toList();
    Map<String, CaseResult> results = new HashMap<>();
    for (List<Peer> group : Turns.groups(running)) {
      for (CaseResult result : runGroup(c, group, firstCases)) {
        results.put(result.peer(), result);
      }
    }
    return running.stream().map(peer -> results.get(peer.name())).toList();
  }

  /**
   * Collects the heap, opens the case on each peer of a group (its warm-up), takes their runs in
   * turns (each after a collected heap), then each probe. The first collection leaves the garbage of
   * the group before, or of the case before, out of this group's warm-ups.
   */
  private List<CaseResult> runGroup(Case c, List<Peer> running, FirstCases firstCases) {
    collectHeap.run();
    Map<String, Trial> trials = new LinkedHashMap<>();
    Map<String, Case> asRun = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    try {
      for (Peer peer : running) {
        long start = System.nanoTime();
        Case run = firstCases.asRun(peer, c);
        try {
          trials.put(peer.name(), peer.open(run, new Meter(peer.redis())));
          asRun.put(peer.name(), run);
          log.printf("  %-27s %.1f s%n", "warm-up on " + peer.name(), (System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
          failures.put(peer.name(), e.toString());
          log.println("  failed on " + peer.name() + ": " + e);
        }
      }
      failures.putAll(Turns.take(trials, log, collectHeap));
      List<CaseResult> results = new ArrayList<>();
      for (Peer peer : running) {
        String name = peer.name();
        if (!failures.containsKey(name)) {
          try {
            Peer.Runs runs = trials.get(name).finish();
            results.add(CaseResult.of(name, c, runs.warmedFor(asRun.get(name).warmupSeconds()).noting(peer.notes())));
            continue;
          } catch (Exception e) {
            failures.put(name, e.toString());
            log.println("  failed on " + name + ": " + e);
          }
        }
        results.add(CaseResult.failed(name, c, failures.get(name)));
      }
      return results;
    } finally {
      trials.forEach((name, trial) -> {
        try {
          trial.close();
        } catch (Exception e) {
          log.println(name + " did not close its case cleanly: " + e);
        }
      });
    }
  }

  private static String field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1);
      }
    }
    return "unknown";
  }

  @Override
  public void close() {
    for (Peer peer : peers) {
      try {
        peer.close();
      } catch (Exception e) {
        log.println(peer.name() + " did not close cleanly: " + e);
      }
    }
    ownServer.ifPresent(RedisServer::close);
  }
}
