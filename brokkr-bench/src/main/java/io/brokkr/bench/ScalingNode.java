package io.brokkr.bench;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisCallListener;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.Worker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * One node process of the multi-node scenario ({@link NodeScaling}): every node runs every hammer
 * worker and starts its share of the sagas. Arguments: {@code <redis url> <namespace> <sagas>
 * <warm-up round sagas> <submitters> <single|cluster> [direct|pool]} (cluster: the url names one node of a Redis
 * Cluster; pool: the transitions through Redisson's pool, {@code RedisOptions.withDirectConnection(false)}).
 * It warms up on the node it is measured on (a new node's first sagas had its hot code compiled again) in
 * rounds until its JIT compilers are nearly idle, prints {@code WARMED <rounds> <compilers' %>}, waits until
 * they are idle, prints {@code SETTLED <ms>} and {@code READY}, and answers commands on stdin: {@code go}
 * starts its sagas and prints {@code DONE <ms>} once all finished; {@code report} prints {@code REPORT <cpu
 * µs> <messages> <chars> <compiler µs> <collector µs>}: its CPU and the pub/sub messages it received since
 * {@code go}, then the part of that CPU its JVM's JIT compilers and garbage collector used. It exits when
 * stdin closes.
 */
final class ScalingNode {
  /** A warm-up ends once the JIT's compilers used less than this share of a round's CPU. */
  private static final double WARM_COMPILER_SHARE = 0.05;
  /** The most warm-up rounds a node runs, however busy its compilers. */
  private static final int WARM_UP_ROUNDS = 40;
  /** No warm-up round starts after this long, however busy the compilers. */
  private static final long WARM_UP_LIMIT_MS = 180_000;
  /** The longest a node waits for its JIT compilers to go idle after its warm-up. */
  private static final long SETTLE_LIMIT_MS = 60_000;
  private final RedissonClient client;
  private final LongAdder messages = new LongAdder();
  private final LongAdder chars = new LongAdder();
  private final RedisBackend backend;

  private ScalingNode(RedissonClient client, boolean direct) {
    this.client = client;
    RedisCallListener counting = new RedisCallListener() {
      @Override
      public void onCall(String kind, Duration took) {}

      @Override
      public void onMessage(String channel, int length) {
        messages.increment();
        chars.add(length);
      }
    };
    this.backend = RedisBackend.on(client, RedisOptions.defaults().withCallListener(counting).withDirectConnection(direct));
  }

  public static void main(String[] args) throws Exception {
    Config config = new Config();
    if (args.length > 5 && args[5].equals("cluster")) {
      config.useClusterServers().addNodeAddress(args[0]);
    } else {
      config.useSingleServer().setAddress(args[0]);
    }
    RedissonClient client = Redisson.create(config);
    String namespace = args[1];
    int sagas = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int submitters = Integer.parseInt(args[4]);
    ScalingNode node = new ScalingNode(client, !(args.length > 6 && args[6].equals("pool")));
    try (Brokkr brokkr = node.node(namespace)) {
      node.warmUp(brokkr, warmup, submitters);
      say("SETTLED " + awaitCompilersIdle());
      say("READY");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      ProcessCpu.Split cpu = ProcessCpu.split();
      long messages = 0;
      long chars = 0;
      String line;
      while ((line = in.readLine()) != null) {
        switch (line.trim()) {
          case "go" -> {
            cpu = ProcessCpu.split();
            messages = node.messages.sum();
            chars = node.chars.sum();
            long start = System.nanoTime();
            node.run(brokkr, sagas, submitters);
            say("DONE " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
          }
          case "report" -> {
            ProcessCpu.Split used = ProcessCpu.split().since(cpu);
            say("REPORT " + used.totalMicros() + " " + (node.messages.sum() - messages) + " " + (node.chars.sum() - chars)
                + " " + used.compilerMicros() + " " + used.collectorMicros());
          }
          default -> say("UNKNOWN " + line);
        }
      }
    } finally {
      client.shutdown();
    }
    System.exit(0);
  }

  private Brokkr node(String namespace) {
    Brokkr brokkr = Brokkr.builder().namespace(namespace).concurrency(16).build(backend);
    brokkr.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
    return brokkr;
  }

  /** Starts {@code sagas} hammer sagas from {@code submitters} threads and waits until every one finished. */
  private void run(Brokkr brokkr, int sagas, int submitters) throws Exception {
    SagaTemplate template = BrokkrShapes.template(Scenario.Shape.HAMMER, 0);
    CompletableFuture<?>[] outcomes = new CompletableFuture<?>[sagas];
    AtomicInteger next = new AtomicInteger();
    Thread[] threads = new Thread[submitters];
    for (int t = 0; t < submitters; t++) {
      threads[t] = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < sagas; i = next.getAndIncrement()) {
          outcomes[i] = brokkr.start(template, BrokkrShapes.inputs(Scenario.Shape.HAMMER, i)).outcome()
              .thenAccept(ScalingNode::checkFinished);
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    CompletableFuture.allOf(outcomes).get(10, TimeUnit.MINUTES);
  }

  /**
   * Runs rounds of {@code sagas} sagas until the JIT's compilers used under {@link
   * #WARM_COMPILER_SHARE} of a round's CPU, at most {@link #WARM_UP_ROUNDS} rounds or {@link
   * #WARM_UP_LIMIT_MS}: the engine's hot code reaches its last compilation only after some 10,000 to
   * 20,000 sagas, and a node measured before pays for it (half of its CPU after 1,500 sagas). Prints
   * {@code WARMED <rounds> <compilers' share of the last round, %>}.
   */
  private void warmUp(Brokkr brokkr, int sagas, int submitters) throws Exception {
    long start = System.nanoTime();
    int rounds = 0;
    double share;
    do {
      ProcessCpu.Split before = ProcessCpu.split();
      run(brokkr, sagas, submitters);
      ProcessCpu.Split used = ProcessCpu.split().since(before);
      share = (double) used.compilerMicros() / Math.max(1, used.totalMicros());
      rounds++;
    } while (share >= WARM_COMPILER_SHARE && rounds < WARM_UP_ROUNDS
        && System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(WARM_UP_LIMIT_MS));
    say(String.format(Locale.ROOT, "WARMED %d %.1f", rounds, share * 100));
  }

  /**
   * Waits until the JIT's compiler threads used under 10 ms of CPU in a second, at most {@link
   * #SETTLE_LIMIT_MS}; returns how long it waited, in milliseconds.
   */
  private static long awaitCompilersIdle() throws InterruptedException {
    long start = System.nanoTime();
    ProcessCpu.Split before = ProcessCpu.split();
    while (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < SETTLE_LIMIT_MS) {
      Thread.sleep(1000);
      ProcessCpu.Split now = ProcessCpu.split();
      if (now.since(before).compilerMicros() < 10_000) {
        break;
      }
      before = now;
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static void checkFinished(SagaOutcome outcome) {
    if (!outcome.isFinished()) {
      throw new IllegalStateException("saga " + outcome.sagaId() + " ended " + outcome.status());
    }
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
