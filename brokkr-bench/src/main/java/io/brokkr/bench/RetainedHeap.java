package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.Worker;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How much heap the in-memory store keeps per settled hammer saga: a settled saga stays for its
 * retention (7 days by default), so every young collection copies the sagas settled since the last
 * one. Used heap after full collections, before and after the sagas measured, divided by their number.
 *
 * <pre>mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.mainClass=io.brokkr.bench.RetainedHeap -Dexec.args="20000"</pre>
 */
public final class RetainedHeap {
  private static final int WARM_UP = 2_000;

  private RetainedHeap() {}

  /** Runs {@code args[0]} sagas (default 20,000) and prints the bytes kept per saga. */
  public static void main(String[] args) throws Exception {
    int sagas = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    System.out.printf("heap kept per settled hammer saga, in memory: %,.0f bytes (%,d sagas)%n", bytesPerSaga(sagas),
        sagas);
  }

  /** The heap kept per settled hammer saga, over {@code sagas} of them after a warm-up of its own. */
  static double bytesPerSaga(int sagas) throws Exception {
    SagaTemplate hammer = BrokkrShapes.template(Shape.HAMMER, 3);
    try (Brokkr node = Brokkr.builder().namespace("retained-heap").concurrency(16).inMemory()) {
      node.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
      settle(node, hammer, 0, WARM_UP);
      long before = usedAfterCollections();
      settle(node, hammer, WARM_UP, sagas);
      long after = usedAfterCollections();
      return (after - before) / (double) sagas;
    }
  }

  private static void settle(Brokkr node, SagaTemplate hammer, int first, int count) {
    List<CompletableFuture<SagaOutcome>> outcomes = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      outcomes.add(node.start(hammer, BrokkrShapes.inputs(Shape.HAMMER, i)).outcome().toCompletableFuture());
    }
    for (CompletableFuture<SagaOutcome> outcome : outcomes) {
      if (!outcome.join().isFinished()) {
        throw new IllegalStateException("a hammer saga did not finish: " + outcome.join());
      }
    }
  }

  /** Used heap after collections until it stops falling (System.gc() is a request). */
  private static long usedAfterCollections() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(100);
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (now >= used) {
        return used;
      }
      used = now;
    }
    return used;
  }
}
