package io.brokkr.bench;

import java.nio.file.Path;

/**
 * The benchmark's command line:
 * {@code mvn -q -pl brokkr-bench -am test-compile exec:java -Dexec.args="--runs 5"}. Progress goes
 * to stderr; the table to stdout; the JSON report to {@code --json}.
 */
public final class BenchMain {
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
}
