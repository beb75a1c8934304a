package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.bench.Scenario.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class OneInFlightTest {
  /** 100 sagas of a fan-out of 10 a run, a budget of 60 s. */
  private static final Case FANOUT = new Case(Scenario.FANOUT, Shape.FANOUT, 10, 100, 16, 1, 1, 3, 60, 0);

  @Test
  void aRunStartsNoMoreSagasOnceItHasLastedItsCasesBudget() throws Exception {
    // 2 s a saga on the budget's clock: the 31st ends at 62 s, past the 60 s budget.
    RawRun run = run(2_000_000_000L);
    assertEquals(31, run.sagas());
    assertEquals(31 * 12, run.steps());
    assertEquals(31, run.latenciesUs().length);
  }

  @Test
  void aRunWithinItsBudgetDoesAllItsSagas() throws Exception {
    RawRun run = run(500_000_000L);
    assertEquals(100, run.sagas());
    assertEquals(100, run.latenciesUs().length);
  }

  @Test
  void aRunDoesAtLeastTenSagasHoweverSlowEach() throws Exception {
    RawRun run = run(100_000_000_000L);
    assertEquals(InJvmRuns.ONE_IN_FLIGHT_AT_LEAST, run.sagas());
    assertEquals(10, run.latenciesUs().length);
  }

  @Test
  void aChainsLevelsAreKeptForTheSagasTheRunDid() throws Exception {
    Case chain = new Case(Scenario.CHAIN, Shape.CHAIN, 2, 100, 16, 1, 1, 3, 60, 0);
    long[] now = new long[1];
    LevelClock levels = new LevelClock(2);
    List<String> started = new ArrayList<>();
    RawRun run = InJvmRuns.oneInFlight(chain, chain.sagas(), index -> {
      String id = "saga-" + index;
      levels.started(id, 0);
      levels.started(id, 1);
      started.add(id);
      now[0] += 5_000_000_000L;
      return new InJvmRuns.Launched(id, CompletableFuture.completedFuture(null));
    }, levels, () -> now[0]);
    assertEquals(13, run.sagas(), "the 13th saga ends at 65 s");
    assertEquals(13, started.size());
    assertEquals(3, run.hopsUs().size());
    run.hopsUs().forEach(level -> assertEquals(13, level.length));
  }

  @Test
  void theCaseSaysHowManySagasItsRunsDidWhenTheBudgetEndedThem() throws Exception {
    // The warm-up and the settling run are not reported; of the three measured runs, two ended at the budget.
    assertEquals(List.of("2 measured run(s) started no more sagas once they had lasted the case's budget of 1000 s:"
        + " 31 to 40 of their 100"), notesOfRunsDoing(50, 60, 40, 100, 31));
  }

  @Test
  void theNoteGivesOneCountWhenOneMeasuredRunEndedAtTheBudget() throws Exception {
    assertEquals(List.of("1 measured run(s) started no more sagas once they had lasted the case's budget of 1000 s:"
        + " 20 of their 100"), notesOfRunsDoing(100, 100, 100, 20, 100));
  }

  /**
   * The notes of a case of 100 sagas a run and a budget of 1,000 s whose warm-up, settling and three measured
   * runs did {@code sagasOfRun} sagas, 60 s each.
   */
  private static List<String> notesOfRunsDoing(int... sagasOfRun) throws Exception {
    long[] now = new long[1];
    int[] runs = new int[1];
    InJvmRuns.Once once = (sagas, kind) -> {
      now[0] += 60_000_000_000L;
      int done = sagasOfRun[runs[0]++];
      return new MeasuredRun(new RawRun(done, done * 12, 1_000, 100, 2_000, new long[done], List.of(), 0),
          RedisUsage.NONE);
    };
    Case generous = new Case(Scenario.FANOUT, Shape.FANOUT, 10, 100, 16, 1, 1, 3, 1_000, 0);
    return InJvmRuns.open(generous, Meter.NONE, once, () -> now[0], JitSettling.Compilers.ofThisJvm()).runAll().notes();
  }

  /** A run of {@link #FANOUT} whose every saga takes {@code nanosEach} on the budget's clock. */
  private static RawRun run(long nanosEach) throws Exception {
    long[] now = new long[1];
    return InJvmRuns.oneInFlight(FANOUT, FANOUT.sagas(), index -> {
      now[0] += nanosEach;
      return new InJvmRuns.Launched("saga-" + index, CompletableFuture.completedFuture(null));
    }, new LevelClock(0), () -> now[0]);
  }
}
