package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.bench.Scenario.Shape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FloorPeerTest {

  @Test
  void runsTheHammerGraphAndChecksEveryResult() throws Exception {
    Case throughput = new Case(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 200, 4, 2, 1, 2, 60, 0);
    try (FloorPeer floor = new FloorPeer()) {
      Peer.Runs runs = floor.run(throughput, Meter.NONE);
      assertEquals(2, runs.measured().size());
      for (MeasuredRun run : runs.measured()) {
        // Batches of 200 sagas until the run has lasted a second: a batch alone lasts milliseconds.
        assertEquals(0, run.raw().sagas() % 200, "whole batches: " + run.raw().sagas());
        assertEquals(3 * run.raw().sagas(), run.raw().steps());
        assertTrue(run.raw().elapsedUs() >= 1_000_000, "at least a second: " + run.raw().elapsedUs() + " µs");
        // Each saga's JSON round trips allocate: the JVM's count of its threads' heap grew by more than the sagas.
        assertTrue(run.raw().clientAllocatedBytes() > run.raw().sagas(), "allocated " + run.raw().clientAllocatedBytes());
        double perSaga = RunMetrics.of(throughput, run).get(Metric.CLIENT_BYTES_PER_SAGA);
        assertEquals((double) run.raw().clientAllocatedBytes() / run.raw().sagas(), perSaga, 1e-9);
      }
      Case latency = new Case(Scenario.HAMMER_LATENCY, Shape.HAMMER, 0, 20, 4, 1, 0, 1, 60, 0);
      assertEquals(20, floor.run(latency, Meter.NONE).measured().get(0).raw().latenciesUs().length);
    }
  }

  @Test
  void takesOnlyTheHammer() {
    FloorPeer floor = new FloorPeer();
    assertTrue(floor.supports(new Case(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 1, 1, 1, 0, 1, 60, 0)));
    assertFalse(floor.supports(new Case(Scenario.CHAIN, Shape.CHAIN, 10, 1, 1, 1, 0, 1, 60, 0)));
  }

  @Test
  void theGoalComparesTheInMemoryStoreWithTheFloor() {
    Case c = new Case(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 100, 16, 4, 0, 1, 60, 0);
    CaseResult memory = CaseResult.of(Goals.MEMORY, c, runs(c, 100_000));
    CaseResult floor = CaseResult.of(FloorPeer.NAME, c, runs(c, 40_000));
    Goals.Goal goal = Goals.check(List.of(memory, floor)).stream()
        .filter(g -> g.goal().startsWith("in-memory hammer throughput")).findFirst().orElseThrow();
    assertEquals(Optional.of(false), goal.met(), goal.measured());
    assertTrue(goal.measured().contains("x0.40 of the floor"), goal.measured());
  }

  /** One run of {@code c} that took {@code elapsedUs}. */
  private static Peer.Runs runs(Case c, long elapsedUs) {
    RawRun raw = new RawRun(c.sagas(), c.sagas() * 3, elapsedUs, 1_000, 1_000, new long[0], List.of(), 0);
    return new Peer.Runs(List.of(new MeasuredRun(raw, RedisUsage.NONE)), Optional.empty(), List.of());
  }
}
