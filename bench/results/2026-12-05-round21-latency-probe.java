package io.brokkr.bench;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisCallListener;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.Worker;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
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
 * from one call's reply to the next call is, in a chain, the node's part of a level. Copy into brokkr-bench/src/main/java/io/brokkr/bench (it uses the bench's package-
 * private shapes) or compile beside its classes:
 *
 *   javac -d /tmp/probe -cp brokkr-bench/target/classes:$(cat /tmp/cp.txt) bench/results/2026-12-05-round21-latency-probe.java
 *   redis-server --port 7779 --save '' --appendonly no --daemonize yes
 *   java -Xms4g -Xmx4g -cp /tmp/probe:brokkr-bench/target/classes:$(cat /tmp/cp.txt) io.brokkr.bench.LatencyProbe \
 *       redis://127.0.0.1:7779 <sagas> <warm-up sagas> [HAMMER|CHAIN]
 *   java ... io.brokkr.bench.LatencyProbe redis://127.0.0.1:7779 2000 6 DEPTH
 *
 * It needs redis-cli on the PATH (to reset and read Redis's INFO after the warm-up).
 */
final class LatencyProbe {
  private record Call(String kind, long begin, long end) {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
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
    try (Brokkr brokkr = Brokkr.builder().namespace("probe-" + System.nanoTime()).concurrency(16).build(backend)) {
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
      redisCli(url, "config", "resetstat");
      double cpuBefore = redisCpu(url);
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
      double redisCpuPerSaga = (redisCpu(url) - cpuBefore) * 1e6 / sagas;
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
      System.out.printf("Redis: CPU %.0f µs a saga; %s%n", redisCpuPerSaga, fcallStats(url));
    } finally {
      client.shutdown();
    }
  }

  /**
   * Rounds of {@code sagas} hammer sagas started at once, as the bench's hammer-throughput does; after the warm-up
   * rounds, how many other finishes or claims were waiting for their replies when each began.
   */
  private static void depth(Brokkr brokkr, ConcurrentLinkedQueue<Call> calls, int sagas, int warmupRounds)
      throws Exception {
    SagaTemplate template = BrokkrShapes.template(Scenario.Shape.HAMMER, 0);
    for (int round = 0; round < 2 * warmupRounds; round++) {
      calls.clear();
      long t0 = System.nanoTime();
      startAtOnce(brokkr, template, sagas, 4);
      long t1 = System.nanoTime();
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
          sagas, (t1 - t0) / 1e6, batchable.size(), sum / (double) batchable.size(), java.util.Arrays.toString(byDepth));
    }
  }

  private static void startAtOnce(Brokkr brokkr, SagaTemplate template, int sagas, int submitters) throws Exception {
    CompletableFuture<?>[] outcomes = new CompletableFuture<?>[sagas];
    AtomicInteger next = new AtomicInteger();
    Thread[] threads = new Thread[submitters];
    for (int t = 0; t < submitters; t++) {
      threads[t] = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < sagas; i = next.getAndIncrement()) {
          outcomes[i] = brokkr.start(template, BrokkrShapes.inputs(Scenario.Shape.HAMMER, i)).outcome();
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    CompletableFuture.allOf(outcomes).get();
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

  private static double redisCpu(URI url) throws IOException, InterruptedException {
    String info = redisCli(url, "info", "cpu");
    return field(info, "used_cpu_user") + field(info, "used_cpu_sys");
  }

  private static String fcallStats(URI url) throws IOException, InterruptedException {
    Matcher m = Pattern.compile("cmdstat_fcall:calls=(\\d+),usec=(\\d+),usec_per_call=([0-9.]+)")
        .matcher(redisCli(url, "info", "commandstats"));
    return m.find() ? "FCALL " + m.group(1) + " calls, " + m.group(3) + " µs each inside Redis" : "no FCALL";
  }

  private static double field(String info, String name) {
    Matcher m = Pattern.compile(name + ":([0-9.]+)").matcher(info);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String redisCli(URI url, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("redis-cli", "-h", url.getHost(), "-p", String.valueOf(url.getPort())));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
