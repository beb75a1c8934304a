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
 * <warm-up sagas> <submitters> <single|cluster> [direct|pool]} (cluster: the url names one node of a Redis Cluster;
 * pool: the transitions through Redisson's pool, {@code RedisOptions.withDirectConnection(false)}). It warms up in a namespace of its own, prints {@code READY}, and
 * answers commands on stdin: {@code go} starts its sagas and prints {@code DONE <ms>} once all
 * finished; {@code report} prints {@code REPORT <cpu µs> <messages> <chars>}: its CPU, and the
 * pub/sub messages it received, since {@code go}. It exits when stdin closes.
 */
final class ScalingNode {
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
    try (Brokkr warm = node.node(namespace + "-warmup")) {
      node.run(warm, warmup, submitters);
    }
    try (Brokkr brokkr = node.node(namespace)) {
      say("READY");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      long cpu = 0;
      long messages = 0;
      long chars = 0;
      String line;
      while ((line = in.readLine()) != null) {
        switch (line.trim()) {
          case "go" -> {
            cpu = ProcessCpu.micros();
            messages = node.messages.sum();
            chars = node.chars.sum();
            long start = System.nanoTime();
            node.run(brokkr, sagas, submitters);
            say("DONE " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
          }
          case "report" -> say("REPORT " + (ProcessCpu.micros() - cpu) + " " + (node.messages.sum() - messages) + " "
              + (node.chars.sum() - chars));
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
