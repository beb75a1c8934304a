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
import javax.management.ObjectName;

/**
 * How much heap the in-memory store keeps per settled hammer saga, in bytes and in objects: a
 * settled saga stays for its retention (7 days by default), so every young collection copies the
 * sagas settled since the last one, object by object. The live heap (the JVM's class histogram,
 * taken after a full collection) before and after the sagas measured, divided by their number.
 *
 * <pre>mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.mainClass=io.brokkr.bench.RetainedHeap -Dexec.args="20000"</pre>
 */
public final class RetainedHeap {
  private static final int WARM_UP = 2_000;

  /** What a settled saga keeps: bytes and objects of live heap. */
  record Kept(double bytes, double objects) {}

  /** The live heap: its objects and their bytes. */
  private record Live(long objects, long bytes) {}

  private RetainedHeap() {}

  /** Runs {@code args[0]} sagas (default 20,000) and prints what each keeps. */
  public static void main(String[] args) throws Exception {
    int sagas = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Kept kept = perSaga(sagas);
    System.out.printf("heap kept per settled hammer saga, in memory: %,.0f bytes in %,.1f objects (%,d sagas)%n",
        kept.bytes(), kept.objects(), sagas);
  }

  /** The heap kept per settled hammer saga, over {@code sagas} of them after a warm-up of its own. */
  static Kept perSaga(int sagas) throws Exception {
    SagaTemplate hammer = BrokkrShapes.template(Shape.HAMMER, 3);
    try (Brokkr node = Brokkr.builder().namespace("retained-heap").concurrency(16).inMemory()) {
      node.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
      settle(node, hammer, 0, WARM_UP);
      Live before = live();
      settle(node, hammer, WARM_UP, sagas);
      Live after = live();
      return new Kept((after.bytes() - before.bytes()) / (double) sagas,
          (after.objects() - before.objects()) / (double) sagas);
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

  /**
   * The live objects and bytes of the heap, from the class histogram of the JVM's diagnostic
   * commands (what {@code jcmd PID GC.class_histogram} prints; it collects the heap first), its
   * last line "Total OBJECTS BYTES".
   */
  private static Live live() throws Exception {
    String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
    for (String line : histogram.split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 3 && fields[0].equals("Total")) {
        return new Live(Long.parseLong(fields[1]), Long.parseLong(fields[2]));
      }
    }
    throw new IllegalStateException("no Total line in the class histogram:\n" + histogram);
  }
}
