package io.brokkr.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The suite from the command line; prints what it did and found, and exits with 1 when it found a
 * violation.
 *
 * <pre>
 * --minutes 30        how long to submit sagas and inject faults (default 2)
 * --seed 42           the seed (default: the time)
 * --sagas 100000      how many sagas at most (default: rate x duration)
 * --rate 4            sagas per second (default 4)
 * --nodes 3           node processes (default 3)
 * --lease-ms 2000     the lease (default 2000)
 * --topology single|sentinel|cluster   how Redis is deployed (default single)
 * --faults A,B        fault kinds (default: every kind of the topology; "none" for none)
 * --persistence always|everysec|none   how Redis persists (default always)
 * --short-timeouts    nodes use Redisson timeout 300 ms with 3 re-sends
 * --hang 0.05         share of sync steps whose first attempt hangs (default 0.05)
 * --durable N         sentinel only: every transition waits for N replicas (default 0: off)
 * --skew-ms S         each node's clock is offset by [-S, S] ms, drawn from the seed (default 0)
 * --dir /tmp/x        work folder (default: a new temporary folder)
 * </pre>
 */
public final class FaultMain {
  private FaultMain() {}

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    double minutes = Double.parseDouble(option(a, "--minutes", "2"));
    double rate = Double.parseDouble(option(a, "--rate", "4"));
    int sagas = Integer.parseInt(option(a, "--sagas", String.valueOf((int) Math.ceil(rate * minutes * 60))));
    Topology topology = Topology.valueOf(option(a, "--topology", "single").toUpperCase());
    String faults = option(a, "--faults", "all");
    List<FaultKind> kinds = faults.equals("all") ? topology.kinds()
        : faults.equals("none") ? List.of()
        : Arrays.stream(faults.split(",")).map(FaultKind::valueOf).toList();
    Path dir = a.contains("--dir") ? Files.createDirectories(Path.of(option(a, "--dir", ""))) : Files.createTempDirectory("brokkr-faults-");
    SuiteConfig config = new SuiteConfig(Long.parseLong(option(a, "--seed", String.valueOf(System.currentTimeMillis()))),
        sagas, Duration.ofMillis((long) (minutes * 60_000)), rate, kinds, Integer.MAX_VALUE,
        Integer.parseInt(option(a, "--nodes", "3")), Long.parseLong(option(a, "--lease-ms", "2000")),
        Persistence.valueOf(option(a, "--persistence", "always").toUpperCase()), a.contains("--short-timeouts"),
        Double.parseDouble(option(a, "--hang", "0.05")), Duration.ofMinutes(3), dir, topology,
        Integer.parseInt(option(a, "--durable", "0")), Long.parseLong(option(a, "--skew-ms", "0")));
    System.out.println("brokkr-faults: " + config);
    Report report = new FaultSuite(config).run();
    String rendered = report.render() + "reproduce with: brokkr-faults/run.sh " + reproduce(a, config.seed()) + "\n";
    System.out.println(rendered);
    Files.writeString(dir.resolve("report.txt"), rendered);
    System.exit(report.violations().isEmpty() ? 0 : 1);
  }

  /** The arguments of this run with its seed and without its work folder. */
  private static String reproduce(List<String> args, long seed) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--dir") || args.get(i).equals("--seed")) {
        i++;
      } else {
        out.add(args.get(i));
      }
    }
    out.add("--seed");
    out.add(String.valueOf(seed));
    return String.join(" ", out);
  }

  private static String option(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }
}
