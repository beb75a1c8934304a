package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.bench.Scenario.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmupTest {
  private static final Case HAMMER = new Case(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 10, 1, 1, 1, 2, 60, 0);
  /** Each run of the tests' peer takes this long on their clock. */
  private static final long RUN_NANOS = 300_000_000L;

  @Test
  void aCaseWarmsUpForItsRunsAloneUnlessItIsTheFirstOfItsProcess() throws Exception {
    List<RunKind> kinds = new ArrayList<>();
    long[] now = new long[1];
    // One clock for the runs and the compilers: were the JIT's settling to run here, its runs would show.
    Peer.Runs runs = InJvmRuns.open(HAMMER, Meter.NONE, recording(kinds, now), () -> now[0], quiet(now)).runAll();
    assertEquals(List.of(RunKind.WARMUP, RunKind.SETTLE, RunKind.MEASURED, RunKind.MEASURED), kinds);
    assertEquals(2, runs.measured().size());
  }

  @Test
  void theFirstCaseOfAProcessWarmsUpForItsSecondsBeforeItsMeasuredRuns() throws Exception {
    List<RunKind> kinds = new ArrayList<>();
    long[] now = new long[1];
    Peer.Runs runs = InJvmRuns.open(HAMMER.warmingFor(1), Meter.NONE, recording(kinds, now), () -> now[0], quiet(now)).runAll();
    // Warm-ups begun at 0, 0.3, 0.6 and 0.9 s; at 1.2 s the second has passed. Then, the compilers quiet, one
    // round of the JIT's settling: 3 s of runs, 10, which keep them quiet.
    List<RunKind> expected = new ArrayList<>(Collections.nCopies(4 + 10, RunKind.WARMUP));
    expected.addAll(List.of(RunKind.SETTLE, RunKind.MEASURED, RunKind.MEASURED));
    assertEquals(expected, kinds);
    assertEquals(2, runs.measured().size());
    assertEquals(List.of("after its timed warm-up, 1 round(s) of 3 s of warm-up runs, each begun once the JIT"
        + " compilers were quiet, until one gave them under 5 % of its time to work (the last 0 ms; 0.0 s of compiling"
        + " in all)"), runs.notes());
  }

  @Test
  void theWarmUpSecondsAreLeftOutOfTheCasesBudget() throws Exception {
    Case tight = new Case(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 10, 1, 1, 0, 4, 1, 0).warmingFor(2);
    List<RunKind> kinds = new ArrayList<>();
    long[] now = new long[1];
    Peer.Runs runs = InJvmRuns.open(tight, Meter.NONE, recording(kinds, now), () -> now[0], quiet(now)).runAll();
    // 7 warm-ups (begun 0 to 1.8 s), 10 more as the JIT settles, the settle run (all left out of the budget
    // too), then 3 measured runs: a fourth would end 1.3 s past the warm-up's 2 s, over the budget of 1 s (counted
    // from 0, the first would have been the only one).
    assertEquals(7 + 10, kinds.stream().filter(k -> k == RunKind.WARMUP).count());
    assertEquals(3, runs.measured().size());
    assertEquals("3 measured run(s): another would pass the case's budget of 1 s", runs.notes().get(1));
  }

  @Test
  void theBudgetCountsOnlyTheTrialsOwnRunsNotTheTurnsOfOtherPeersInBetween() throws Exception {
    Case tight = new Case(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 10, 1, 1, 1, 3, 1, 0);
    List<RunKind> kinds = new ArrayList<>();
    long[] now = new long[1];
    Trial trial = InJvmRuns.open(tight, Meter.NONE, recording(kinds, now), () -> now[0], quiet(now));
    trial.settle();
    int measured = 0;
    while (trial.wantsMore()) {
      trial.measure();
      measured++;
      now[0] += 10_000_000_000L; // another peer's turn: 10 s, ten times the budget
    }
    // Its own runs: a warm-up and two measured runs fill 0.9 s of the budget of 1 s, a third would pass it;
    // with the settle run counted, or on the wall clock with the other peers' turns, one measured run.
    assertEquals(2, measured);
    assertEquals(List.of(RunKind.WARMUP, RunKind.SETTLE, RunKind.MEASURED, RunKind.MEASURED), kinds);
    assertEquals(List.of("2 measured run(s): another would pass the case's budget of 1 s"), trial.finish().notes());
  }

  @Test
  void aPeerInTheJvmWarmsOnItsFirstCaseAndAPeerWithAProcessPerCaseOnEach() {
    FirstCases first = new FirstCases(20);
    Peer inJvm = new FloorPeer();
    Peer nodePerCase = new ProcessPerCase();
    Case latency = new Case(Scenario.HAMMER_LATENCY, Shape.HAMMER, 0, 10, 1, 1, 1, 2, 60, 0);
    assertEquals(20, first.asRun(inJvm, HAMMER).warmupSeconds());
    assertEquals(0, first.asRun(inJvm, latency).warmupSeconds());
    assertEquals(0, first.asRun(inJvm, HAMMER).warmupSeconds());
    assertEquals(20, first.asRun(nodePerCase, HAMMER).warmupSeconds());
    assertEquals(20, first.asRun(nodePerCase, latency).warmupSeconds());
    assertEquals(latency, first.asRun(inJvm, latency), "a later case runs as planned");
    assertEquals(0, new FirstCases(0).asRun(inJvm, HAMMER).warmupSeconds());
  }

  @Test
  void aWarmedCaseSaysSoAndKeepsItsRuns() {
    MeasuredRun run = new MeasuredRun(new RawRun(10, 30, 1_000, 100, 2_000, new long[0], List.of(), 0), RedisUsage.NONE);
    Peer.Runs runs = new Peer.Runs(List.of(run), Optional.empty(), List.of("a note"));
    assertEquals(runs, runs.warmedFor(0));
    assertEquals(List.of("the first case of its process: warm-up runs for at least 20 s before the measured ones",
            "a note"),
        runs.warmedFor(20).notes());
    assertEquals(runs.measured(), runs.warmedFor(20).measured());
  }

  /** A peer that, as BullMQ's, runs each case in a process of its own. */
  private static final class ProcessPerCase implements Peer {
    @Override
    public String name() {
      return "per-case";
    }

    @Override
    public Optional<RedisAddress> redis() {
      return Optional.empty();
    }

    @Override
    public boolean supports(Case c) {
      return true;
    }

    @Override
    public boolean processPerCase() {
      return true;
    }

    @Override
    public Trial open(Case c, Meter meter) {
      throw new UnsupportedOperationException("not run here");
    }
  }

  /** Compilers that never work, pausing on the clock {@code now}. */
  static JitSettling.Compilers quiet(long[] now) {
    return new JitSettling.Compilers() {
      @Override
      public long workedMillis() {
        return 0;
      }

      @Override
      public void pause(long millis) {
        now[0] += millis * 1_000_000L;
      }
    };
  }

  /** A peer whose every run takes {@link #RUN_NANOS} on the clock {@code now}, recording each run's kind. */
  private static InJvmRuns.Once recording(List<RunKind> kinds, long[] now) {
    return (sagas, kind) -> {
      kinds.add(kind);
      now[0] += RUN_NANOS;
      return new MeasuredRun(new RawRun(sagas, sagas * 3, 1_000, 100, 2_000, new long[0], List.of(), 0), RedisUsage.NONE);
    };
  }
}
