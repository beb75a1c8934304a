package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.spi.SagaStore;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * How fast an operator's questions are answered over a namespace full of sagas:
 * {@code mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.mainClass=io.brokkr.bench.QueryFigures
 * -Dexec.args="--sagas 100000"}. Fills one namespace (16 partitions, the default) with a mix of
 * settled and running sagas ({@link SagaMix}), then times {@code findSagas}, {@code countSagas} and
 * {@code strandedWorkers} on a node, and reads what the sagas cost Redis. Progress goes to stderr,
 * the table to stdout, the figures to {@code --json}.
 */
public final class QueryFigures {
  static final int WARMUPS = 5;
  static final int MEASURED = 30;
  static final String NAMESPACE = "queries";

  private QueryFigures() {}

  /**
   * Runs the measurement and prints its table.
   *
   * @param args {@code --sagas N}, {@code --threads N}, {@code --redis-url URL}, {@code --json FILE}, {@code --help}
   * @throws Exception when Redis cannot be reached or a query fails
   */
  public static void main(String[] args) throws Exception {
    QueryOptions options;
    try {
      options = QueryOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(QueryOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(QueryOptions.USAGE);
      return;
    }
    String command = "mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.mainClass=io.brokkr.bench.QueryFigures"
        + " -Dexec.args=\"" + String.join(" ", args) + "\"";
    QueryReport report = run(options, command, System.err);
    System.out.print(report.table());
    report.writeJson(options.json());
    System.out.println("\nJSON figures: " + options.json().toAbsolutePath());
  }

  /** Runs the whole measurement on the Redis the options name, or a private one. */
  static QueryReport run(QueryOptions options, String command, PrintStream log) throws Exception {
    Optional<RedisServer> own = options.redisUrl().isPresent() ? Optional.empty() : Optional.of(RedisServer.start());
    RedisAddress address = options.redisUrl().map(RedisAddress::parse)
        .orElseGet(() -> new RedisAddress("127.0.0.1", own.get().port()));
    Config config = new Config();
    config.useSingleServer().setAddress(address.url()).setConnectionPoolSize(Math.max(64, 2 * options.threads()));
    RedissonClient redisson = Redisson.create(config);
    try (RedisConnection info = RedisConnection.open(address)) {
      String server = Objects.toString(info.call("INFO", "server"));
      Map<String, String> machine = Machine.describe(Map.of("redis-server",
          field(server, "redis_version") + (own.isPresent() ? " (private)" : " at " + address.url())));
      // A namespace of its own per run, so that a shared Redis given by --redis-url holds no earlier sagas.
      String namespace = NAMESPACE + "-" + Long.toString(System.currentTimeMillis(), 36);
      RedisOptions redisOptions = RedisOptions.defaults();
      RedisBackend backend = RedisBackend.on(redisson, redisOptions);
      try (SagaStore store = backend.open(namespace)) {
        long before = usedMemory(info);
        log.printf("filling %,d sagas on %d threads ...%n", options.sagas(), options.threads());
        Instant start = Instant.now();
        Instant end = SagaMix.fill(store, options.sagas(), options.threads());
        double fillSeconds = Duration.between(start, end).toNanos() / 1e9;
        log.printf("  done in %.1f s%n", fillSeconds);
        long after = usedMemory(info);
        QueryReport.Memory memory = indexMemory(info, namespace, before, after);
        // The middle of the fill: about half the sagas were created before it, and they are the older half.
        Instant middle = start.plus(Duration.between(start, end).dividedBy(2));
        // The node hosts no worker, so the RUNNING sagas' first steps are stranded; its warning is not wanted here.
        try (Brokkr node = Brokkr.builder().namespace(namespace).strandedWarningAfter(Duration.ofDays(1)).build(backend)) {
          List<QueryReport.Timed> timings = measure(node, middle, log);
          return new QueryReport(machine, command, options.sagas(), redisOptions.partitions(), fillSeconds, node.countSagas(),
              node.strandedWorkers(), timings, memory);
        }
      }
    } finally {
      redisson.shutdown();
      own.ifPresent(RedisServer::close);
    }
  }

  private static List<QueryReport.Timed> measure(Brokkr node, Instant middle, PrintStream log) {
    List<QueryReport.Timed> timings = new ArrayList<>();
    SagaQuery all = SagaQuery.all();
    timings.add(page(node, "all", "findSagas: all sagas, first page of 50", all, log));
    timings.add(page(node, "failed", "findSagas: status FAILED", all.withStatus(SagaStatus.FAILED), log));
    timings.add(page(node, "name", "findSagas: name \"" + SagaMix.NAMES.get(0) + "\"", all.withName(SagaMix.NAMES.get(0)), log));
    timings.add(page(node, "updatedAfter", "findSagas: updated in the last hour",
        all.updatedAfter(Instant.now().minus(Duration.ofHours(1))), log));
    timings.add(page(node, "createdBefore", "findSagas: created before the fill's middle (not indexed)",
        all.createdBefore(middle), log));
    timings.add(page(node, "waitingOn", "findSagas: waiting on worker \"" + SagaMix.STOCK_WORKER + "\"",
        all.waitingOn(SagaMix.STOCK_WORKER), log));
    timings.add(page(node, "none", "findSagas: status COMPENSATING (none)", all.withStatus(SagaStatus.COMPENSATING), log));
    String cursor = node.findSagas(all).nextCursor().orElseThrow(() -> new IllegalStateException("a single page of sagas"));
    timings.add(page(node, "secondPage", "findSagas: all sagas, second page (cursor)", all.after(cursor), log));
    timings.add(time("countSagas", "countSagas()", node::countSagas,
        counts -> counts.values().stream().mapToLong(Long::longValue).sum() + " sagas in all", log));
    timings.add(time("strandedWorkers", "strandedWorkers()", node::strandedWorkers, Object::toString, log));
    return timings;
  }

  private static QueryReport.Timed page(Brokkr node, String key, String label, SagaQuery query, PrintStream log) {
    QueryReport.Timed timed = time(key, label, () -> node.findSagas(query),
        page -> page.sagas().size() + (page.nextCursor().isPresent() ? ", more" : ", last page"), log);
    // The query and its page are kept for the checks of the smoke test.
    return new QueryReport.Timed(timed.key(), timed.label(), timed.medianMs(), timed.p90Ms(), timed.maxMs(),
        timed.result(), Optional.of(new QueryReport.Asked(query, node.findSagas(query))));
  }

  private static <T> QueryReport.Timed time(String key, String label, Supplier<T> call, Function<T, String> describe,
      PrintStream log) {
    for (int i = 0; i < WARMUPS; i++) {
      call.get();
    }
    long[] nanos = new long[MEASURED];
    T last = null;
    for (int i = 0; i < MEASURED; i++) {
      long t0 = System.nanoTime();
      last = call.get();
      nanos[i] = System.nanoTime() - t0;
    }
    QueryReport.Timed timed = QueryReport.Timed.of(key, label, nanos, describe.apply(Objects.requireNonNull(last)),
        Optional.empty());
    log.printf("  %-60s median %s ms%n", label, Numbers.format(timed.medianMs()));
    return timed;
  }

  private static long usedMemory(RedisConnection info) throws IOException {
    return Long.parseLong(field(Objects.toString(info.call("INFO", "memory")), "used_memory"));
  }

  /** Sums {@code MEMORY USAGE} (every element sampled) over the namespace's index keys, {@code {ns:p}:ix...}. */
  private static QueryReport.Memory indexMemory(RedisConnection redis, String namespace, long before, long after)
      throws IOException {
    long bytes = 0;
    int keys = 0;
    String cursor = "0";
    do {
      List<?> reply = (List<?>) Objects.requireNonNull(redis.call("SCAN", cursor, "MATCH", "{" + namespace + ":*}:ix*",
          "COUNT", "1000"));
      cursor = String.valueOf(reply.get(0));
      for (Object key : (List<?>) Objects.requireNonNull(reply.get(1))) {
        Object usage = redis.call("MEMORY", "USAGE", String.valueOf(key), "SAMPLES", "0");
        if (usage instanceof Long n) {
          bytes += n;
          keys++;
        }
      }
    } while (!cursor.equals("0"));
    return new QueryReport.Memory(before, after, bytes, keys);
  }

  private static String field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1);
      }
    }
    return "unknown";
  }
}
