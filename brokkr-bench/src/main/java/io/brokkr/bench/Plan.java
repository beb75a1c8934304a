package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import java.util.ArrayList;
import java.util.List;

/** The cases a run measures, in order, from the options. */
final class Plan {
  /** Steps the round-trip probe of a case covers at most (a fan-out probe is at least one saga). */
  private static final int PROBE_STEPS = 1000;
  /**
   * Sagas of a fan-out run at least, so that its p99 is a percentile and not its slowest saga or two:
   * with 200 and 20 sagas a run (2026-12-07's thirty-seventh round) K = 10's and K = 100's p99 were
   * behind BullMQ's in the full run (×0.91, ×0.92) and ahead with 100 just after (×1.49, ×1.28); with
   * 2 (before the twelfth round) even K = 1,000's median followed single sagas.
   */
  static final int FANOUT_MIN_SAGAS = 100;

  private Plan() {}

  static List<Case> of(BenchOptions o) {
    List<Case> cases = new ArrayList<>();
    for (Scenario scenario : o.scenarios()) {
      switch (scenario) {
        case HAMMER_THROUGHPUT -> cases.add(of(o, scenario, Shape.HAMMER, 0, o.sagas(), 0));
        case HAMMER_LATENCY -> cases.add(of(o, scenario, Shape.HAMMER, 0, o.latencySagas(), o.probeSagas()));
        case CHAIN -> cases.add(of(o, scenario, Shape.CHAIN, o.chainLength(), o.latencySagas(), o.probeSagas()));
        case FANOUT -> o.fanoutWidths().forEach(k ->
            cases.add(of(o, scenario, Shape.FANOUT, k, Math.max(FANOUT_MIN_SAGAS, o.fanoutSteps() / k), o.probeSagas())));
        case SCALING -> {
          for (Shape shape : List.of(Shape.CHAIN, Shape.FANOUT)) {
            o.scalingSizes().forEach(s -> cases.add(of(o, scenario, shape, shape == Shape.FANOUT ? s - 2 : s, 1, 0)));
          }
        }
      }
    }
    return cases;
  }

  private static Case of(BenchOptions o, Scenario scenario, Shape shape, int size, int sagas, int probeSagas) {
    Case sized = new Case(scenario, shape, size, sagas, o.concurrency(), o.submitters(), o.warmup(), o.runs(), o.caseBudget(), 0);
    int probe = probeSagas == 0 ? 0 : Math.max(1, Math.min(probeSagas, PROBE_STEPS / sized.stepsPerSaga()));
    return new Case(scenario, shape, size, sagas, o.concurrency(), o.submitters(), o.warmup(), o.runs(), o.caseBudget(), probe);
  }
}
