package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.Worker;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.management.ObjectName;

/**
 * How much heap the in-memory store keeps per settled hammer saga, in bytes and in objects, in all
 * and by class: a settled saga stays for its retention (7 days by default), so every young
 * collection copies the sagas settled since the last one, object by object. The live heap (the
 * JVM's class histogram, taken after a full collection) before and after the sagas measured,
 * divided by their number.
 *
 * <pre>mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.mainClass=io.brokkr.bench.RetainedHeap -Dexec.args="20000"</pre>
 */
public final class RetainedHeap {
  private static final int WARM_UP = 2_000;
  /** A class whose share is below this many bytes a saga is noise of the histogram, not the saga's. */
  private static final double SHOWN_BYTES = 1.0;
  /** The key of the histogram's last line, the whole live heap. */
  private static final String TOTAL = "Total";

  /** What a settled saga keeps: bytes and objects of live heap. */
  record Kept(double bytes, double objects) {}

  /** What a settled saga keeps of one class (its name as the histogram prints it). */
  record Share(String className, Kept kept) {}

  /** What a settled saga keeps in all, and the classes of it, the most bytes first. */
  record Split(Kept total, List<Share> byClass) {}

  /** The live heap of one class, or of all: its objects and their bytes. */
  private record Live(long objects, long bytes) {
    Live minus(Live other) {
      return new Live(objects - other.objects, bytes - other.bytes);
    }
  }

  private RetainedHeap() {}

  /** Runs {@code args[0]} sagas (default 20,000) and prints what each keeps, in all and by class. */
  public static void main(String[] args) throws Exception {
    int sagas = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Split split = perSaga(sagas);
    System.out.printf("heap kept per settled hammer saga, in memory: %,.0f bytes in %,.1f objects (%,d sagas)%n",
        split.total().bytes(), split.total().objects(), sagas);
    for (Share share : split.byClass()) {
      System.out.printf("  %,8.1f bytes in %5.2f objects  %s%n", share.kept().bytes(), share.kept().objects(),
          share.className());
    }
  }

  /** The heap kept per settled hammer saga, over {@code sagas} of them after a warm-up of its own. */
  static Split perSaga(int sagas) throws Exception {
    SagaTemplate hammer = BrokkrShapes.template(Shape.HAMMER, 3);
    try (Brokkr node = Brokkr.builder().namespace("retained-heap").concurrency(16).inMemory()) {
      node.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
      settle(node, hammer, 0, WARM_UP);
      // Kept off the heap until the second histogram is taken, which would count it otherwise.
      ByteBuffer before = offHeap(histogram());
      settle(node, hammer, WARM_UP, sagas);
      String after = histogram();
      return split(live(onHeap(before)), live(after), sagas);
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

  /** What the sagas added between two histograms, a saga's share: in all, and by class over {@link #SHOWN_BYTES}. */
  private static Split split(Map<String, Live> before, Map<String, Live> after, int sagas) {
    Live none = new Live(0, 0);
    List<Share> byClass = new ArrayList<>();
    for (Map.Entry<String, Live> entry : after.entrySet()) {
      if (entry.getKey().equals(TOTAL)) {
        continue;
      }
      Kept kept = perSaga(entry.getValue().minus(before.getOrDefault(entry.getKey(), none)), sagas);
      if (Math.abs(kept.bytes()) >= SHOWN_BYTES) {
        byClass.add(new Share(entry.getKey(), kept));
      }
    }
    byClass.sort(Comparator.comparingDouble((Share share) -> share.kept().bytes()).reversed());
    return new Split(perSaga(after.get(TOTAL).minus(before.get(TOTAL)), sagas), List.copyOf(byClass));
  }

  private static Kept perSaga(Live added, int sagas) {
    return new Kept(added.bytes() / (double) sagas, added.objects() / (double) sagas);
  }

  /**
   * The class histogram of the JVM's diagnostic commands (what {@code jcmd PID GC.class_histogram}
   * prints; it collects the heap first): lines "N: OBJECTS BYTES CLASS (MODULE)", then "Total OBJECTS BYTES".
   */
  private static String histogram() throws Exception {
    return (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[0]}, new String[] {String[].class.getName()});
  }

  /** {@code text} in memory off the heap: a few hundred kilobytes a histogram, a hundred bytes a saga or more. */
  private static ByteBuffer offHeap(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }

  private static String onHeap(ByteBuffer text) {
    return StandardCharsets.UTF_8.decode(text).toString();
  }

  /** The live objects and bytes of the heap by class, and in all under {@link #TOTAL}, from a {@link #histogram}. */
  private static Map<String, Live> live(String histogram) {
    Map<String, Live> classes = new HashMap<>();
    for (String line : histogram.split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length == 3 && fields[0].equals(TOTAL)) {
        classes.put(TOTAL, new Live(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
      } else if (fields.length >= 4 && fields[0].endsWith(":")) {
        // One class can be listed once per class loader: their counts add up.
        classes.merge(fields[3], new Live(Long.parseLong(fields[1]), Long.parseLong(fields[2])),
            (a, b) -> new Live(a.objects() + b.objects(), a.bytes() + b.bytes()));
      }
    }
    if (!classes.containsKey(TOTAL)) {
      throw new IllegalStateException("no Total line in the class histogram:\n" + histogram);
    }
    return classes;
  }
}
