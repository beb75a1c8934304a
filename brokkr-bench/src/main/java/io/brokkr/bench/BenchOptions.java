package io.brokkr.bench;

import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.RedisOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of the benchmark. Defaults finish a full run in a few minutes on 2 cores; the
 * flags make it bigger. Each value is checked as it is read, and a bad one is quoted.
 */
record BenchOptions(List<Scenario> scenarios, List<String> peers, Optional<String> redisUrl, int sagas,
    int latencySagas, int chainLength, List<Integer> fanoutWidths, int fanoutSteps, List<Integer> scalingSizes,
    int concurrency, int submitters, int warmup, int warmupSeconds, int runs, int caseBudget, int probeSagas, Path json,
    Optional<Path> bullmqDir, int redisConnections, boolean redisDirect, boolean redisFinishBatching,
    Duration memoryRetention, boolean help) {

  /**
   * The peers a run may include: Brokkr on each store, the same with metrics and tracing on
   * ({@code -observed}: the overhead of brokkr-micrometer and brokkr-opentelemetry; on memory,
   * {@code -observed-metrics} and {@code -observed-traces} each alone, {@code -observed-sampled} with a
   * tenth of the traces sampled), the floor under
   * the in-memory store (the hammer as bare CompletableFutures, {@link FloorPeer}), BullMQ, and
   * Temporal's Java SDK on its test server, reached in-process or over gRPC on loopback.
   */
  static final List<String> PEERS = List.of("memory", "memory-observed", "memory-observed-metrics",
      "memory-observed-traces", "memory-observed-sampled", "floor", "redis", "redis-observed", "bullmq",
      TemporalPeer.IN_PROCESS, TemporalPeer.GRPC);
  /** The peers of a run that names none. */
  static final List<String> DEFAULT_PEERS = List.of("memory", "floor", "redis", "bullmq", TemporalPeer.IN_PROCESS,
      TemporalPeer.GRPC);

  private static final Set<String> FLAGS = Set.of("scenarios", "peers", "redis-url", "sagas", "latency-sagas",
      "chain-length", "fanout", "fanout-steps", "scaling", "concurrency", "submitters", "warmup", "warmup-seconds", "runs", "case-budget", "probe-sagas",
      "json", "bullmq-dir", "redis-connections", "redis-transitions", "redis-finish-batching", "memory-retention",
      "help");

  static final String USAGE = String.join("\n",
      "brokkr-bench: Brokkr (in-memory and Redis stores) against BullMQ flows on the same Redis and Temporal's Java SDK.",
      "",
      "  --scenarios LIST      hammer-throughput,hammer-latency,chain,fanout,scaling (default: all)",
      "  --peers LIST          memory,memory-observed,memory-observed-metrics,memory-observed-traces,\n"
          + "                        memory-observed-sampled,floor,redis,redis-observed,bullmq,temporal,temporal-grpc\n"
          + "                        (default: memory,floor,redis,bullmq,temporal,temporal-grpc; -observed: with\n"
          + "                        brokkr-micrometer metrics and brokkr-opentelemetry tracing on, every span sampled;\n"
          + "                        -observed-metrics or -observed-traces: one of them; -observed-sampled: both, a tenth\n"
          + "                        of the traces sampled; floor: the hammer as bare\n"
          + "                        CompletableFutures with the same JSON, no store; temporal: Temporal's test server\n"
          + "                        in-process, temporal-grpc: the same server over gRPC on loopback)",
      "  --redis-url URL       redis://HOST:PORT to use instead of a private redis-server on a free port",
      "  --sagas N             hammer sagas per hammer-throughput run (default 2000)",
      "  --latency-sagas N     sagas per hammer-latency and chain run (default 300)",
      "  --chain-length N      steps of the chain scenario (default 10)",
      "  --fanout LIST         fan-out widths K (default 10,100,1000)",
      "  --fanout-steps N      steps per fanout run; sagas = max(100, N / K) (default 2000)",
      "  --scaling LIST        saga sizes S of the scaling scenario (default 100,1000,10000)",
      "  --concurrency N       step attempts a worker runs at once (default 16)",
      "  --submitters N        threads starting sagas in hammer-throughput (default 4)",
      "  --warmup N            warm-up runs per scenario (default 1)",
      "  --warmup-seconds S    a process's first case warms up for at least S seconds: the first case of each\n"
      + "                        peer in this JVM, then in rounds of 3 s until the JIT compilers settle, and every\n"
      + "                        case of BullMQ (a Node process each) (default 20; 0: no settling either)",
      "  --runs N              measured runs per scenario (default 3)",
      "  --case-budget SECONDS no further run of a case starts once its runs would pass this; a warm-up that alone\n"
      + "                        passes it counts as the one measured run; a one-in-flight run in this JVM starts no\n"
      + "                        more sagas once it has lasted this long, after at least 10 (default 60)",
      "  --probe-sagas N       sagas of the round-trip probe (Redis MONITOR) per latency scenario; 0: none (default 20)",
      "  --json FILE           where the JSON report goes (default target/brokkr-bench.json)",
      "  --bullmq-dir DIR      the BullMQ peer (default: bench/peers/bullmq above the working directory)",
      "  --redis-connections N the connection pool of Brokkr's Redisson client (default 2; Redisson's own default is 64)",
      "  --redis-transitions W direct: Brokkr's transitions on the backend's own connection; pool: through Redisson's\n"
      + "                        pool (RedisOptions.withDirectConnection(false)) (default direct)",
      "  --redis-finish-batching B on: finishes of several sagas may share a call; off: a call each\n"
      + "                        (RedisOptions.withFinishBatching(false)) (default on)",
      "  --memory-retention D  how long the in-memory peers keep a settled saga, an ISO-8601 duration of at least\n"
      + "                        1 ms (PT0.001S, PT1S); young collections copy the sagas kept (default 7 days, the\n"
      + "                        in-memory backend's: a run's sagas all stay)",
      "  --help                this text");

  static BenchOptions defaults() {
    return new BenchOptions(List.of(Scenario.values()), DEFAULT_PEERS, Optional.empty(), 2000, 300, 10, List.of(10, 100, 1000),
        2000, List.of(100, 1000, 10000), 16, 4, 1, 20, 3, 60, 20, Path.of("target", "brokkr-bench.json"), Optional.empty(), 2, true, true,
        InMemoryBackend.DEFAULT_RETENTION, false);
  }

  /**
   * Reads {@code --name value} and {@code --name=value} pairs over the defaults.
   *
   * @throws IllegalArgumentException naming the flag and quoting the value that is wrong
   */
  static BenchOptions parse(String... args) {
    Map<String, String> given = pairs(args);
    BenchOptions d = defaults();
    return new BenchOptions(
        given.containsKey("scenarios") ? list(given, "scenarios").stream().map(Scenario::byName).distinct().toList() : d.scenarios,
        given.containsKey("peers") ? peers(list(given, "peers")) : d.peers,
        Optional.ofNullable(given.get("redis-url")).map(BenchOptions::checkUrl),
        count(given, "sagas", d.sagas, 1),
        count(given, "latency-sagas", d.latencySagas, 1),
        count(given, "chain-length", d.chainLength, 2),
        given.containsKey("fanout") ? counts(given, "fanout", 1) : d.fanoutWidths,
        count(given, "fanout-steps", d.fanoutSteps, 1),
        given.containsKey("scaling") ? counts(given, "scaling", 3) : d.scalingSizes,
        count(given, "concurrency", d.concurrency, 1),
        count(given, "submitters", d.submitters, 1),
        count(given, "warmup", d.warmup, 0),
        count(given, "warmup-seconds", d.warmupSeconds, 0),
        count(given, "runs", d.runs, 1),
        count(given, "case-budget", d.caseBudget, 1),
        count(given, "probe-sagas", d.probeSagas, 0),
        given.containsKey("json") ? Path.of(given.get("json")) : d.json,
        Optional.ofNullable(given.get("bullmq-dir")).map(Path::of),
        count(given, "redis-connections", d.redisConnections, 1),
        given.containsKey("redis-transitions") ? direct(given.get("redis-transitions")) : d.redisDirect,
        given.containsKey("redis-finish-batching") ? onOff(given.get("redis-finish-batching")) : d.redisFinishBatching,
        given.containsKey("memory-retention") ? retention(given.get("memory-retention")) : d.memoryRetention,
        given.containsKey("help"));
  }

  private static Map<String, String> pairs(String[] args) {
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected a flag such as --runs, got \"" + arg + "\"");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (name.equals("help")) {
        value = "";
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("flag --" + name + " needs a value");
      }
      if (!FLAGS.contains(name)) {
        throw new IllegalArgumentException("unknown flag \"--" + name + "\"; see --help");
      }
      given.put(name, value);
    }
    return given;
  }

  private static List<String> list(Map<String, String> given, String name) {
    List<String> items = Arrays.stream(given.get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (items.isEmpty()) {
      throw new IllegalArgumentException("--" + name + " needs at least one item, was \"" + given.get(name) + "\"");
    }
    return items;
  }

  private static List<String> peers(List<String> names) {
    for (String name : names) {
      if (!PEERS.contains(name)) {
        throw new IllegalArgumentException("unknown peer \"" + name + "\"; the peers are " + String.join(", ", PEERS));
      }
    }
    return PEERS.stream().filter(names::contains).toList();
  }

  private static int count(Map<String, String> given, String name, int fallback, int min) {
    String value = given.get(name);
    return value == null ? fallback : number(name, value, min);
  }

  private static List<Integer> counts(Map<String, String> given, String name, int min) {
    List<Integer> values = new ArrayList<>();
    for (String item : list(given, name)) {
      values.add(number(name, item, min));
    }
    return values.stream().distinct().sorted().toList();
  }

  private static int number(String name, String value, int min) {
    int n;
    try {
      n = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a whole number, was \"" + value + "\"");
    }
    if (n < min) {
      throw new IllegalArgumentException("--" + name + " must be at least " + min + ", was \"" + value + "\"");
    }
    return n;
  }

  private static boolean onOff(String value) {
    return switch (value) {
      case "on" -> true;
      case "off" -> false;
      default -> throw new IllegalArgumentException("--redis-finish-batching takes on or off, was \"" + value + "\"");
    };
  }

  /** {@return the options of Brokkr's Redis backend these flags ask for} */
  RedisOptions redisOptions() {
    return RedisOptions.defaults().withDirectConnection(redisDirect).withFinishBatching(redisFinishBatching);
  }

  private static boolean direct(String value) {
    return switch (value) {
      case "direct" -> true;
      case "pool" -> false;
      default -> throw new IllegalArgumentException("--redis-transitions takes direct or pool, was \"" + value + "\"");
    };
  }

  private static Duration retention(String value) {
    Duration retention;
    try {
      retention = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--memory-retention takes an ISO-8601 duration such as PT1S, was \"" + value + "\"");
    }
    try {
      InMemoryBackend.create(retention); // the backend's own rule, checked before any run
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--memory-retention: " + e.getMessage());
    }
    return retention;
  }

  private static String checkUrl(String url) {
    RedisAddress.parse(url);
    return url;
  }
}
