package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitSettlingTest {
  private static final long RUN_NANOS = 300_000_000L;

  /**
   * Compilers on a fake clock: a run queues {@code queuedPerRun} ms of compiling for as many of the first runs
   * as {@code busyRuns} says; a pause of n ms works off up to n ms of the queue (a queue that never drains when
   * {@code drains} is false).
   */
  private static final class FakeJit implements JitSettling.Compilers {
    final long[] now = new long[1];
    final long queuedPerRun;
    final int busyRuns;
    final boolean drains;
    long runNanos = RUN_NANOS;
    long queue;
    long worked;
    int runs;
    /** The queue at each run's start. */
    final List<Long> queueAtRun = new ArrayList<>();

    FakeJit(long queuedPerRun, int busyRuns, boolean drains) {
      this.queuedPerRun = queuedPerRun;
      this.busyRuns = busyRuns;
      this.drains = drains;
    }

    void run() {
      queueAtRun.add(queue);
      if (runs++ < busyRuns) {
        queue += queuedPerRun;
      }
      now[0] += runNanos;
    }

    @Override
    public long workedMillis() {
      return worked;
    }

    @Override
    public void pause(long millis) {
      long done = drains ? Math.min(queue, millis) : millis;
      queue -= drains ? done : 0;
      worked += done;
      now[0] += millis * 1_000_000L;
    }
  }

  @Test
  void eachRoundBeginsOnceTheQueueIsWorkedOffAndTheRoundsEndWithOneThatQueuedUnderATwentieth() throws Exception {
    // 10 runs a round: the first two rounds queue 1,000 ms each, the third nothing.
    FakeJit jit = new FakeJit(100, 20, true);
    String note = new JitSettling(jit, () -> jit.now[0]).settle(jit::run);
    assertEquals(30, jit.runs);
    assertEquals(List.of(0L, 0L, 0L), List.of(jit.queueAtRun.get(0), jit.queueAtRun.get(10), jit.queueAtRun.get(20)),
        "a round begins with the compilers' queue empty");
    assertEquals(0, jit.queue);
    assertEquals("after its timed warm-up, 3 round(s) of 3 s of warm-up runs, each begun once the JIT compilers"
        + " were quiet, until one gave them under 5 % of its time to work (the last 0 ms; 2.0 s of compiling in all)",
        note);
  }

  @Test
  void aRoundThatQueuedUnderATwentiethOfItsTimeIsTheLast() throws Exception {
    // 149 ms in a 3 s round: under 5 %.
    FakeJit jit = new FakeJit(149, 1, true);
    new JitSettling(jit, () -> jit.now[0]).settle(jit::run);
    assertEquals(10, jit.runs);
  }

  @Test
  void aRoundOfOneLongRunWeighsItsCompilingAgainstThatRunsTime() throws Exception {
    // One run of 10 s a round, 400 ms of compiling each: under 5 % of the round, though over 5 % of 3 s.
    FakeJit jit = new FakeJit(400, Integer.MAX_VALUE, true);
    jit.runNanos = 10_000_000_000L;
    new JitSettling(jit, () -> jit.now[0]).settle(jit::run);
    assertEquals(1, jit.runs);
  }

  @Test
  void roundsStopAtTheirMostWhenTheCompilersNeverSettle() throws Exception {
    FakeJit jit = new FakeJit(100, Integer.MAX_VALUE, true);
    String note = new JitSettling(jit, () -> jit.now[0]).settle(jit::run);
    assertEquals(JitSettling.MAX_ROUNDS * 10, jit.runs);
    assertEquals(true, note.startsWith("after its timed warm-up, 8 round(s)"), note);
  }

  @Test
  void aWaitForQuietEndsAfterItsMostWhenTheCompilersNeverStop() throws Exception {
    // Compilers that work through every pause: each wait lasts its 30 s.
    FakeJit jit = new FakeJit(0, 0, false);
    new JitSettling(jit, () -> jit.now[0]).settle(jit::run);
    // Every round's wait after it counts 30 s of compiling: the rounds stop at their most, each wait at 30 s.
    assertEquals(JitSettling.MAX_ROUNDS * 10, jit.runs);
    assertEquals((1 + JitSettling.MAX_ROUNDS) * JitSettling.MAX_WAIT_NANOS + JitSettling.MAX_ROUNDS * 10 * RUN_NANOS,
        jit.now[0]);
  }
}
