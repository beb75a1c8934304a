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
 * -Dbrokkr.faults.kinds=all|none|NODE_KILL,REDIS_PAUSE,...   (default: {@link #DEFAULT_KINDS})
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
    List<FaultKind> kinds = kinds(System.getProperty("brokkr.faults.kinds", DEFAULT_KINDS));
    SuiteConfig config = new SuiteConfig(Long.getLong("brokkr.faults.seed", 7), 30, Duration.ofSeconds(40), 2.0, kinds,
        6, 3, 1500, Persistence.ALWAYS, Boolean.parseBoolean(System.getProperty("brokkr.faults.shortTimeouts", "true")),
        Double.parseDouble(System.getProperty("brokkr.faults.hang", "0.05")), Duration.ofSeconds(60), dir);

    Report report = new FaultSuite(config).run();

    System.out.println(report.render());
    assertAll(
        () -> assertTrue(report.started() > 0, "sagas ran"),
        () -> assertTrue(kinds.isEmpty() || !report.faults().isEmpty(), "faults were injected"),
        () -> assertEquals(List.of(), report.violations(), report.render()));
  }

  private static List<FaultKind> kinds(String value) {
    return switch (value) {
      case "all" -> List.of(FaultKind.values());
      case "none", "" -> List.of();
      default -> Arrays.stream(value.split(",")).map(String::trim).map(FaultKind::valueOf).toList();
    };
  }
}
