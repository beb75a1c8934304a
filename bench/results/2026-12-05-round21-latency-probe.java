package io.brokkr.bench;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisCallListener;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.Worker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Where a saga's latency goes on Redis (twenty-first round): sagas one in flight, as the bench's
 * hammer-latency and chain cases run them (HAMMER, or CHAIN of 10), each saga's store calls timed by a
 * RedisCallListener (the client's view: from sending a call to its reply), and Redis's own view from INFO
 * (the FCALLs' time inside Redis, its CPU). Time inside calls is the union of the calls' intervals (the
 * hammer's two parallel finishes once); outside is the node's hand-offs and the steps' bodies; the gap
 * from one call's reply to the next call is, in a chain, the node's part of a level. DEPTH instead runs the
 * bench's hammer-throughput run ({@link InJvmRuns#allAtOnce}: batches of {@code sagas} started at once by 4
 * threads, for at least a second), {@code warm-up} rounds and as many measured, and counts, when a finish or
 * claim begins, how many others wait for their replies: the batches a combiner of transitions could form.
 * It uses the bench's package-private pieces, so it is compiled beside the bench's classes:
 *
 *   javac -d /tmp/probe -cp brokkr-bench/target/classes:$(cat /tmp/cp.txt) bench/results/2026-12-05-round21-latency-probe.java
 *   redis-server --port 7779 --save '' --appendonly no --daemonize yes
 *   java -Xms4g -Xmx4g -cp /tmp/probe:brokkr-bench/target/classes:$(cat /tmp/cp.txt) io.brokkr.bench.LatencyProbe \
 *       redis://127.0.0.1:7779 <sagas> <warm-up sagas> [HAMMER|CHAIN]
 *   java ... io.brokkr.bench.LatencyProbe redis://127.0.0.1:7779 2000 6 DEPTH
 */
final class LatencyProbe {
  private record Call(String kind, long begin, long end) {}

  public static void main(String[] args) throws Exception {
    int sagas = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    Config config = new Config();
    config.useSingleServer().setAddress(args[0]).setConnectionPoolSize(2).setConnectionMinimumIdleSize(2);
    RedissonClient client = Redisson.create(config);
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    RedisCallListener listener = (kind, took) -> {
      long end = System.nanoTime();
      calls.add(new Call(kind, end - took.toNanos(), end));
    };
    RedisBackend backend = RedisBackend.on(client, RedisOptions.defaults().withCallListener(listener));
    try (RedisConnection info = RedisConnection.open(RedisAddress.parse(args[0]));
        Brokkr brokkr = Brokkr.builder().namespace("probe-" + System.nanoTime()).concurrency(16).build(backend)) {
      brokkr.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
      String mode = args.length > 3 ? args[3] : "HAMMER";
      if (mode.equals("DEPTH")) {
        depth(brokkr, calls, sagas, warmup);
        return;
      }
      Scenario.Shape shape = Scenario.Shape.valueOf(mode);
      SagaTemplate template = BrokkrShapes.template(shape, 10);
      for (int i = 0; i < warmup; i++) {
        brokkr.start(template, BrokkrShapes.inputs(shape, i)).outcome().get();
      }
      info.call("CONFIG", "RESETSTAT");
      RedisInfo before = RedisInfo.of(info);
      long[] total = new long[sagas];
      long[] inside = new long[sagas];
      Map<String, List<Long>> byKind = new TreeMap<>();
      List<Long> gaps = new ArrayList<>();
      List<Long> lasts = new ArrayList<>();
      List<Long> firsts = new ArrayList<>();
      for (int i = 0; i < sagas; i++) {
        calls.clear();
        long t0 = System.nanoTime();
        brokkr.start(template, BrokkrShapes.inputs(shape, i)).outcome().get();
        long t1 = System.nanoTime();
        List<Call> mine = new ArrayList<>(calls);
        mine.removeIf(c -> c.begin() < t0 || c.end() > t1);
        mine.sort((a, b) -> Long.compare(a.begin(), b.begin()));
        total[i] = t1 - t0;
        inside[i] = union(mine, t0);
        mine.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c.end() - c.begin()));
        for (int c = 1; c < mine.size(); c++) {
          gaps.add(mine.get(c).begin() - mine.get(c - 1).end());
        }
        if (!mine.isEmpty()) {
          lasts.add(t1 - mine.get(mine.size() - 1).end());
          firsts.add(mine.get(0).begin() - t0);
        }
      }
      double redisCpuPerSaga = RedisInfo.of(info).since(before).cpuSeconds() * 1e6 / sagas;
      long[] outside = new long[sagas];
      for (int i = 0; i < sagas; i++) {
        outside[i] = total[i] - inside[i];
      }
      System.out.printf("saga: median %d µs, p90 %d µs; inside calls median %d µs, outside median %d µs%n",
          median(total) / 1000, percentile(total, 0.9) / 1000, median(inside) / 1000, median(outside) / 1000);
      byKind.forEach((kind, took) -> System.out.printf("  %s: %.2f a saga, median %d µs as the client sees it%n", kind,
          took.size() / (double) sagas, median(took.stream().mapToLong(Long::longValue).toArray()) / 1000));
      System.out.printf("  before the first call: median %d µs; from one call's reply to the next call: median %d µs; from the last reply to the outcome: median %d µs%n",
          median(firsts.stream().mapToLong(Long::longValue).toArray()) / 1000, median(gaps.stream().mapToLong(Long::longValue).toArray()) / 1000,
          median(lasts.stream().mapToLong(Long::longValue).toArray()) / 1000);
      System.out.printf("Redis: CPU %.0f µs a saga; %s%n", redisCpuPerSaga, fcallStats(info));
    } finally {
      client.shutdown();
    }
  }

  /**
   * Rounds of the bench's hammer-throughput run; after the warm-up rounds, how many other finishes or claims were
   * waiting for their replies when each began.
   */
  private static void depth(Brokkr brokkr, ConcurrentLinkedQueue<Call> calls, int sagas, int warmupRounds)
      throws Exception {
    SagaTemplate template = BrokkrShapes.template(Scenario.Shape.HAMMER, 0);
    // The bench's hammer-throughput run: batches of sagas started at once by 4 threads, for at least a second.
    Case hammer = new Case(Scenario.HAMMER_THROUGHPUT, Scenario.Shape.HAMMER, 0, sagas, 16, 4, 0, 1, 60, 0);
    InJvmRuns.Launcher launcher = i -> {
      SagaHandle saga = brokkr.start(template, BrokkrShapes.inputs(Scenario.Shape.HAMMER, i));
      return new InJvmRuns.Launched(saga.sagaId(), saga.outcome());
    };
    for (int round = 0; round < 2 * warmupRounds; round++) {
      calls.clear();
      RawRun run = InJvmRuns.allAtOnce(hammer, sagas, launcher);
      if (round < warmupRounds) {
        continue;
      }
      List<Call> batchable = new ArrayList<>(calls);
      batchable.removeIf(c -> c.kind().equals("create_start"));
      batchable.sort((a, b) -> Long.compare(a.begin(), b.begin()));
      long sum = 0;
      int[] byDepth = new int[6];
      for (int i = 0; i < batchable.size(); i++) {
        int depth = 0;
        for (int j = i - 1; j >= 0 && j >= i - 200; j--) {
          if (batchable.get(j).end() > batchable.get(i).begin()) {
            depth++;
          }
        }
        sum += depth;
        byDepth[Math.min(5, depth)]++;
      }
      System.out.printf("%d sagas in %.0f ms: %d finishes and claims, %.2f others in flight when one begins; 0..5+: %s%n",
          run.sagas(), run.elapsedUs() / 1e3, batchable.size(), sum / (double) batchable.size(),
          java.util.Arrays.toString(byDepth));
    }
  }

  /** The time the calls cover from {@code from} on: overlapping calls (the parallel roots' finishes) once. */
  private static long union(List<Call> calls, long from) {
    long covered = 0;
    long reach = from;
    for (Call c : calls) {
      long begin = Math.max(c.begin(), reach);
      if (c.end() > begin) {
        covered += c.end() - begin;
        reach = c.end();
      }
    }
    return covered;
  }

  private static long median(long[] values) {
    return percentile(values, 0.5);
  }

  private static long percentile(long[] values, double p) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  }

  /** The FCALLs' count and mean time inside Redis since the last CONFIG RESETSTAT. */
  private static String fcallStats(RedisConnection info) throws IOException {
    Matcher m = Pattern.compile("cmdstat_fcall:calls=(\\d+),usec=(\\d+),usec_per_call=([0-9.]+)")
        .matcher(String.valueOf(info.call("INFO", "commandstats")));
    return m.find() ? "FCALL " + m.group(1) + " calls, " + m.group(3) + " µs each inside Redis" : "no FCALL";
  }
}
