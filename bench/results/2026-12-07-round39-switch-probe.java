package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.BrokkrBuilder;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.Worker;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Thirty-ninth round of issue 18: where the in-memory store's CPU goes besides its Java code. Runs the
 * hammer in memory (batches of 2,000 sagas started by 4 threads, concurrency 16, as the bench's
 * throughput case) for a warm-up, then over a window reads, from /proc, the process's user and system
 * CPU and every thread's CPU and context switches, grouped by thread name (the node id is "n", so the
 * kernel's 15-character names stay apart: brokkr-n-worker, brokkr-n-callba...).
 *
 * <pre>
 * javac -d /tmp/switch -cp brokkr-bench/target/classes:$(cat /tmp/cp.txt) bench/results/2026-12-07-round39-switch-probe.java
 * java -Xms4g -Xmx4g -cp /tmp/switch:brokkr-bench/target/classes:$(cat /tmp/cp.txt) io.brokkr.bench.SwitchProbe 20 10 [RETENTION] [default|fixed|direct]
 * </pre>
 *
 * RETENTION: the backend's, an ISO-8601 duration (default P7D, the bench's); {@code fixed}: the node's
 * attempts on a fixed pool of 16 threads (the builder's {@code executor}) instead of its own pool;
 * {@code direct} (forty-first round): each attempt on the thread that hands it over (the builder's
 * {@code executor(Runnable::run)}: no attempt changes threads; not a setting for an application,
 * whose {@code start} would then run the first steps' bodies on its own thread).
 */
final class SwitchProbe {
  private static final int BATCH = 2_000;
  private static final int SUBMITTERS = 4;
  private static final String CPU = " cpu";

  private SwitchProbe() {}

  public static void main(String[] args) throws Exception {
    int warmUpSeconds = Integer.parseInt(args[0]);
    int windowSeconds = Integer.parseInt(args[1]);
    Duration retention = args.length > 2 ? Duration.parse(args[2]) : InMemoryBackend.DEFAULT_RETENTION;
    String attempts = args.length > 3 ? args[3] : "default";
    SagaTemplate hammer = BrokkrShapes.template(Shape.HAMMER, 3);
    BrokkrBuilder builder = Brokkr.builder().namespace("probe").nodeId("n").concurrency(16);
    if (attempts.equals("fixed")) {
      builder.executor(Executors.newFixedThreadPool(16, SwitchProbe::daemon));
    } else if (attempts.equals("direct")) {
      builder.executor(Runnable::run);
    }
    ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS, SwitchProbe::daemon);
    try (Brokkr node = builder.build(InMemoryBackend.create(retention))) {
      node.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
      int next = runFor(warmUpSeconds, node, hammer, 0, submitters);
      Map<String, Long> before = threads();
      long[] cpuBefore = processCpu();
      long start = System.nanoTime();
      int last = runFor(windowSeconds, node, hammer, next, submitters);
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] cpuAfter = processCpu();
      Map<String, Long> after = threads();
      double sagas = last - next;
      System.out.printf("sagas %,d, %,.0f sagas/s, user µs/saga %.2f, sys µs/saga %.2f%n", (long) sagas,
          sagas / seconds, (cpuAfter[0] - cpuBefore[0]) * 10_000 / sagas, (cpuAfter[1] - cpuBefore[1]) * 10_000 / sagas);
      after.forEach((group, value) -> {
        long delta = value - before.getOrDefault(group, 0L);
        if (delta > 0 && group.endsWith(CPU)) {
          System.out.printf("  %-32s %8.2f µs a saga%n", group, delta * 10_000 / sagas);
        } else if (delta > 0) {
          System.out.printf("  %-32s %8.3f a saga%n", group, delta / sagas);
        }
      });
    } finally {
      submitters.shutdownNow();
    }
    Runtime.getRuntime().halt(0); // a fixed pool's threads are the probe's, not the node's to stop
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task);
    thread.setDaemon(true);
    return thread;
  }

  /** Runs batches for {@code seconds}; returns the index of the next saga. */
  private static int runFor(int seconds, Brokkr node, SagaTemplate hammer, int first, ExecutorService submitters)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    int next = first;
    while (System.nanoTime() < end) {
      next = batch(node, hammer, next, submitters);
    }
    return next;
  }

  private static int batch(Brokkr node, SagaTemplate hammer, int first, ExecutorService submitters) throws Exception {
    List<Future<List<CompletableFuture<SagaOutcome>>>> parts = new ArrayList<>();
    for (int t = 0; t < SUBMITTERS; t++) {
      int from = first + t * BATCH / SUBMITTERS;
      int to = first + (t + 1) * BATCH / SUBMITTERS;
      parts.add(submitters.submit(() -> {
        List<CompletableFuture<SagaOutcome>> outcomes = new ArrayList<>();
        for (int i = from; i < to; i++) {
          outcomes.add(node.start(hammer, BrokkrShapes.inputs(Shape.HAMMER, i)).outcome().toCompletableFuture());
        }
        return outcomes;
      }));
    }
    for (Future<List<CompletableFuture<SagaOutcome>>> part : parts) {
      for (CompletableFuture<SagaOutcome> outcome : part.get()) {
        if (!outcome.join().isFinished()) {
          throw new IllegalStateException("a hammer saga did not finish: " + outcome.join());
        }
      }
    }
    return first + BATCH;
  }

  /**
   * Every thread's CPU (clock ticks of 10 ms) and its voluntary and involuntary context switches, summed by
   * thread group (the kernel's name, a trailing number dropped). Threads that ended are not counted.
   */
  private static Map<String, Long> threads() throws IOException {
    Map<String, Long> byGroup = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String group = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "#");
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          byGroup.merge(group + CPU, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              byGroup.merge(group + " voluntary", Long.parseLong(line.split("\\s+")[1]), Long::sum);
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              byGroup.merge(group + " involuntary", Long.parseLong(line.split("\\s+")[1]), Long::sum);
            }
          }
        } catch (NoSuchFileException ended) {
          // the thread ended while it was read
        }
      }
    }
    return byGroup;
  }

  /** The process's user and system CPU, in clock ticks of 10 ms. */
  private static long[] processCpu() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
  }
}
