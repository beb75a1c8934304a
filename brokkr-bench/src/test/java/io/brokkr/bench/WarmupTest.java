package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.bench.Scenario.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmupTest {
  private static final Case HAMMER = new Case(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 10, 1, 1, 1, 2, 60, 0);

  @Test
  void aCaseWarmsUpForItsRunsAloneUnlessItIsTheFirstOfItsProcess() throws Exception {
    List<RunKind> kinds = new ArrayList<>();
    Peer.Runs runs = InJvmRuns.runs(HAMMER, Meter.NONE, recording(kinds));
    assertEquals(List.of(RunKind.WARMUP, RunKind.MEASURED, RunKind.MEASURED), kinds);
    assertEquals(2, runs.measured().size());
  }

  @Test
  void theFirstCaseOfAProcessWarmsUpForItsSecondsBeforeItsMeasuredRuns() throws Exception {
    List<RunKind> kinds = new ArrayList<>();
    long start = System.nanoTime();
    Peer.Runs runs = InJvmRuns.runs(HAMMER.warmingFor(1), Meter.NONE, recording(kinds));
    long warmedNanos = System.nanoTime() - start;
    assertEquals(2, runs.measured().size());
    assertEquals(List.of(RunKind.MEASURED, RunKind.MEASURED), kinds.subList(kinds.size() - 2, kinds.size()));
    // Runs of a millisecond: a second of warm-up is hundreds of them, never the one --warmup asks for.
    assertTrue(kinds.size() - 2 > 10, kinds.size() - 2 + " warm-up runs");
    assertTrue(kinds.subList(0, kinds.size() - 2).stream().allMatch(k -> k == RunKind.WARMUP));
    assertTrue(warmedNanos >= 1_000_000_000L, "the warm-up lasted " + warmedNanos + " ns");
  }

  @Test
  void aWarmedCaseSaysSoAndKeepsItsRuns() {
    MeasuredRun run = new MeasuredRun(new RawRun(10, 30, 1_000, 100, 2_000, new long[0], List.of()), RedisUsage.NONE);
    Peer.Runs runs = new Peer.Runs(List.of(run), Optional.empty(), List.of("a note"));
    assertEquals(runs, runs.warmedFor(0));
    assertEquals(List.of("a note",
            "the first case of its process: warm-up runs for at least 20 s before the measured ones"),
        runs.warmedFor(20).notes());
    assertEquals(runs.measured(), runs.warmedFor(20).measured());
  }

  private static InJvmRuns.Once recording(List<RunKind> kinds) {
    return (sagas, kind) -> {
      kinds.add(kind);
      Thread.sleep(1);
      return new MeasuredRun(new RawRun(sagas, sagas * 3, 1_000, 100, 2_000, new long[0], List.of()), RedisUsage.NONE);
    };
  }
}
