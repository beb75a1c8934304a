package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import java.time.Duration;

/**
 * One measured unit of the benchmark, run the same way by every peer: a warm-up, several measured
 * runs of {@code sagas} sagas each, and an optional probe run that counts Redis round trips.
 *
 * @param scenario what is measured
 * @param shape the graph of the sagas
 * @param size chain length or fan-out width (unused by the hammer)
 * @param sagas sagas per run
 * @param concurrency step attempts a worker runs at once
 * @param submitters threads that start sagas, when they are submitted all at once
 * @param warmup runs before the measured ones
 * @param warmupSeconds the warm-up goes on until it has lasted this long too: the first case of a process,
 *     whose JIT compilers are still at work (0: the warm-up runs alone)
 * @param runs measured runs
 * @param budgetSeconds no further run starts once the runs would pass it
 * @param probeSagas sagas of the round-trip probe run; 0 for none
 */
record Case(Scenario scenario, Shape shape, int size, int sagas, int concurrency, int submitters, int warmup,
    int warmupSeconds, int runs, int budgetSeconds, int probeSagas) {

  /**
   * A throughput run (sagas started at once) goes on, batch after batch of its sagas, until it has lasted
   * this long: a batch of the in-memory store or the floor lasts a few milliseconds, which measures a
   * moment of the host, not a rate.
   */
  static final Duration THROUGHPUT_RUN_AT_LEAST = Duration.ofSeconds(1);

  /** A case whose warm-up is its {@code warmup} runs alone. */
  Case(Scenario scenario, Shape shape, int size, int sagas, int concurrency, int submitters, int warmup, int runs,
      int budgetSeconds, int probeSagas) {
    this(scenario, shape, size, sagas, concurrency, submitters, warmup, 0, runs, budgetSeconds, probeSagas);
  }

  /** The same case, its warm-up lasting at least {@code seconds}. */
  Case warmingFor(int seconds) {
    return new Case(scenario, shape, size, sagas, concurrency, submitters, warmup, seconds, runs, budgetSeconds,
        probeSagas);
  }

  /** Whether another warm-up run is due after {@code done} of them, begun {@code nanos} ago. */
  boolean warmsOn(int done, long nanos) {
    return done < warmup || nanos < warmupSeconds * 1_000_000_000L;
  }

  /** Steps in one saga (a hammer's compensator, which never runs, is not counted). */
  int stepsPerSaga() {
    return switch (shape) {
      case HAMMER -> 3;
      case CHAIN -> size;
      case FANOUT -> size + 2;
    };
  }

  /** A short name for tables and JSON, e.g. {@code fanout K=100} or {@code scaling chain S=1000}. */
  String label() {
    return switch (scenario) {
      case HAMMER_THROUGHPUT, HAMMER_LATENCY -> scenario.cliName();
      case CHAIN -> "chain of " + size;
      case FANOUT -> "fanout K=" + size;
      case SCALING -> "scaling " + shape.cliName() + " S=" + stepsPerSaga();
    };
  }

  /** What a run does, in words. */
  String description() {
    String each = sagas == 1 ? "1 saga" : sagas + " sagas";
    String how = scenario.allAtOnce()
        ? "all submitted at once by " + submitters + " threads, batch after batch for at least "
            + THROUGHPUT_RUN_AT_LEAST.toSeconds() + " s, concurrency " + concurrency
        : "one in flight, concurrency " + concurrency;
    return each + " of " + stepsPerSaga() + " steps per run, " + how + "; " + warmup + " warm-up + " + runs + " measured runs";
  }
}
