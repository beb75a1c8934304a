package io.brokkr.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line:
 * {@code mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.args="--runs 5"}. Progress goes
 * to stderr; the table to stdout; the JSON report to {@code --json}. The bench runs in a JVM of its
 * own, with {@link #HEAP_FLAGS}, not in Maven's.
 */
public final class BenchMain {
  /**
   * A heap of fixed size: before each run the bench collects the heap, so that no run pays for
   * collecting the garbage of the runs before it, and a heap free to shrink after each collection
   * made the floor's and the memory store's runs half as fast.
   */
  static final List<String> HEAP_FLAGS = List.of("-Xms4g", "-Xmx4g");
  private static final String FORKED = "brokkr.bench.forked";

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    if (!Boolean.getBoolean(FORKED)) {
      int exit = inOwnJvm(args);
      if (exit != 0) {
        System.exit(exit);
      }
      return;
    }
    String command = "mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.args=\"" + String.join(" ", args) + "\"";
    Report report;
    try (Bench bench = Bench.open(options, System.err)) {
      report = bench.run(command);
    }
    System.out.print(TableReport.render(report));
    Path json = options.json();
    JsonReport.write(report, json);
    System.out.println("\nJSON report: " + json.toAbsolutePath());
  }

  /**
   * Runs the bench in a child JVM with {@link #HEAP_FLAGS}, its output this one's, and returns its
   * exit code; the child stops with this JVM (Ctrl-C on Maven).
   */
  private static int inOwnJvm(String[] args) throws Exception {
    List<String> flags = new ArrayList<>(HEAP_FLAGS);
    flags.add("-D" + FORKED + "=true");
    Process child = new ProcessBuilder(ChildJvm.command(flags, BenchMain.class, List.of(args))).inheritIO().start();
    Thread stopChild = new Thread(child::destroy, "bench-child-stop");
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      return child.waitFor();
    } finally {
      child.destroy();
      Runtime.getRuntime().removeShutdownHook(stopChild);
    }
  }
}
