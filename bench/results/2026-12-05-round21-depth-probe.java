// How many store calls are in flight when one begins, at the hammer's full speed on one Redis: the batches a
// combiner of transitions could form (twenty-first round, 2026-12-05-2-cores-round21.txt section 3). 12 rounds of
// 2,000 hammer sagas started at once by 4 threads (the first 6 a warm-up), every call timed by a RedisCallListener.
// From the repository's root, after `mvn -B -o -q install -DskipTests -pl brokkr-bench -am`, with a redis-server on PORT:
//   mvn -B -o -q dependency:build-classpath -pl brokkr-bench -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
//   javac -d /tmp/probe -cp brokkr-bench/target/classes:$(cat /tmp/cp.txt) bench/results/2026-12-05-round21-depth-probe.java
//   java -Xms4g -Xmx4g -cp /tmp/probe:brokkr-bench/target/classes:$(cat /tmp/cp.txt) io.brokkr.bench.DepthProbe redis://127.0.0.1:PORT
package io.brokkr.bench;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisCallListener;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** How many store calls are in flight when one starts, at the hammer's full speed: what a combiner could batch. */
final class DepthProbe {
  private record Call(String kind, long begin, long end) {}

  public static void main(String[] args) throws Exception {
    Config config = new Config();
    config.useSingleServer().setAddress(args[0]).setConnectionPoolSize(2).setConnectionMinimumIdleSize(2);
    RedissonClient client = Redisson.create(config);
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    RedisCallListener listener = (kind, took) -> {
      long end = System.nanoTime();
      calls.add(new Call(kind, end - took.toNanos(), end));
    };
    RedisBackend backend = RedisBackend.on(client, RedisOptions.defaults().withCallListener(listener));
    try (Brokkr brokkr = Brokkr.builder().namespace("depth-" + System.nanoTime()).concurrency(16).build(backend)) {
      brokkr.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
      SagaTemplate template = BrokkrShapes.template(Scenario.Shape.HAMMER, 0);
      for (int round = 0; round < 12; round++) {
        calls.clear();
        long t0 = System.nanoTime();
        run(brokkr, template, 2000, 4);
        long t1 = System.nanoTime();
        if (round < 6) {
          continue; // warm-up
        }
        List<Call> all = new ArrayList<>(calls);
        all.sort((a, b) -> Long.compare(a.begin(), b.begin()));
        // For each finish or claim: how many other finishes or claims began before it and were still waiting
        // for their reply when it began (a one-call-in-flight combiner would send it with those that arrive
        // while one call is out).
        long sum = 0;
        int n = 0;
        int[] hist = new int[6];
        List<Call> batchable = all.stream().filter(c -> !c.kind().equals("create_start")).toList();
        for (int i = 0; i < batchable.size(); i++) {
          Call c = batchable.get(i);
          int depth = 0;
          for (int j = i - 1; j >= 0 && j >= i - 200; j--) {
            if (batchable.get(j).end() > c.begin()) {
              depth++;
            }
          }
          sum += depth;
          n++;
          hist[Math.min(5, depth)]++;
        }
        System.out.printf("%d sagas in %.0f ms: %d finishes and claims, %.2f others in flight when one begins; 0..5+: %s%n",
            2000, (t1 - t0) / 1e6, n, sum / (double) n, java.util.Arrays.toString(hist));
      }
    } finally {
      client.shutdown();
    }
  }

  private static void run(Brokkr brokkr, SagaTemplate template, int sagas, int submitters) throws Exception {
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
}
