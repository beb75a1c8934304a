package io.brokkr.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short run of the suite with a fixed seed: a bounded number of sagas and faults on real
 * processes, and not one violation. Every fault kind by default; the mix is a system property, to
 * narrow a run down to one kind of fault:
 *
 * <pre>
 * -Dbrokkr.faults.kinds=all|none|NODE_KILL,REDIS_PAUSE,...   (default: {@link #DEFAULT_KINDS}, every kind of the topology)
 * -Dbrokkr.faults.topology=single|sentinel|cluster   the topology of the first test (default single)
 * -Dbrokkr.faults.hang=0.05            share of sync steps that hang past their timeout (default 0.05)
 * -Dbrokkr.faults.shortTimeouts=false  Redisson timeout 300 ms with re-sends (default true)
 * -Dbrokkr.faults.seed=7               (default 7)
 * </pre>
 */
class FaultSuiteTest {
  /** Every fault kind: the core survives each (the suite's README says what each one found). */
  static final String DEFAULT_KINDS = "all";

  @TempDir
  Path dir;

  @Test
  void aShortRunUnderFaultsBreaksNoRule() throws Exception {
    Topology topology = Topology.valueOf(System.getProperty("brokkr.faults.topology", "single").toUpperCase());
    List<FaultKind> kinds = kinds(System.getProperty("brokkr.faults.kinds", DEFAULT_KINDS), topology);
    SuiteConfig config = new SuiteConfig(Long.getLong("brokkr.faults.seed", 7), 30, Duration.ofSeconds(40), 2.0, kinds,
        6, 3, 1500, Persistence.ALWAYS, Boolean.parseBoolean(System.getProperty("brokkr.faults.shortTimeouts", "true")),
        Double.parseDouble(System.getProperty("brokkr.faults.hang", "0.05")), Duration.ofSeconds(60), dir, topology, 0,
        0);

    assertClean(new FaultSuite(config).run(), kinds);
  }

  /**
   * Sentinel failovers with every node in durable mode and clocks skewed by up to a
   * quarter of the lease (two nodes differ by at most half of it, within the tolerance of two thirds):
   * no rule broken, no acknowledged transition lost.
   */
  @Test
  void sentinelFailoversInDurableModeWithSkewedClocksBreakNoRule() throws Exception {
    List<FaultKind> kinds = List.of(FaultKind.SENTINEL_FAILOVER);
    SuiteConfig config = new SuiteConfig(3, 16, Duration.ofSeconds(16), 1.0, kinds, 2, 2, 1500, Persistence.ALWAYS,
        false, 0, Duration.ofSeconds(60), dir, Topology.SENTINEL, 1, 1500 / 4);

    Report report = new FaultSuite(config).run();

    assertClean(report, kinds);
    assertTrue(report.faults().containsKey(FaultKind.SENTINEL_FAILOVER), report.render());
  }

  /** Kills, restarts and stalls of one master of a three-master cluster: no rule broken. */
  @Test
  void clusterMasterFaultsBreakNoRule() throws Exception {
    List<FaultKind> kinds = List.of(FaultKind.REDIS_KILL, FaultKind.REDIS_PAUSE, FaultKind.NODE_KILL);
    SuiteConfig config = new SuiteConfig(5, 16, Duration.ofSeconds(16), 1.0, kinds, 3, 2, 1500, Persistence.ALWAYS,
        false, 0, Duration.ofSeconds(60), dir, Topology.CLUSTER, 0, 0);

    assertClean(new FaultSuite(config).run(), kinds);
  }

  private static void assertClean(Report report, List<FaultKind> kinds) {
    System.out.println(report.render());
    assertAll(
        () -> assertTrue(report.started() > 0, "sagas ran"),
        () -> assertTrue(kinds.isEmpty() || !report.faults().isEmpty(), "faults were injected"),
        () -> assertEquals(List.of(), report.violations(), report.render()));
  }

  private static List<FaultKind> kinds(String value, Topology topology) {
    return switch (value) {
      case "all" -> topology.kinds();
      case "none", "" -> List.of();
      default -> Arrays.stream(value.split(",")).map(String::trim).map(FaultKind::valueOf).toList();
    };
  }
}
