package io.brokkr.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A random saga DAG: each step depends on some earlier ones, runs sync or async, may fail at first
 * or for good, may hang; most have a compensator, which may fail at first.
 *
 * @param steps the steps in the order they are added
 */
public record SagaPlan(List<StepPlan> steps) {

  /**
   * One step of a plan.
   *
   * @param worker {@link ChaosWorkers#SYNC} or {@link ChaosWorkers#ASYNC}
   * @param behaviour what its attempts do
   * @param deps indexes of earlier steps it depends on
   * @param undo its compensator's behaviour, if it has one
   * @param timeoutMs its attempt timeout, 0 for none
   */
  public record StepPlan(String worker, Behaviour behaviour, List<Integer> deps, Optional<Behaviour> undo,
      long timeoutMs) {}

  /** Draws a plan of 1 to 6 steps. */
  public static SagaPlan random(Random random, SuiteConfig config) {
    int size = 1 + random.nextInt(6);
    List<StepPlan> steps = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<Integer> deps = new ArrayList<>();
      for (int d = 0; d < i && deps.size() < 3; d++) {
        if (random.nextDouble() < 0.4) {
          deps.add(d);
        }
      }
      boolean async = random.nextDouble() < 0.3;
      boolean hang = !async && random.nextDouble() < config.hangProbability();
      Behaviour behaviour = new Behaviour(20 + random.nextInt(200), random.nextDouble() < 0.2 ? 1 : 0,
          random.nextDouble() < 0.06, hang ? config.leaseMs() * 2 : 0);
      Optional<Behaviour> undo = random.nextDouble() < 0.85
          ? Optional.of(new Behaviour(10 + random.nextInt(80), random.nextDouble() < 0.2 ? 1 : 0, false, 0))
          : Optional.empty();
      // An async step whose node died is never settled: its timeout hands it to another attempt.
      long timeout = hang ? config.hangTimeoutMs() : async ? config.leaseMs() * 3 : 0;
      steps.add(new StepPlan(async ? ChaosWorkers.ASYNC : ChaosWorkers.SYNC, behaviour, deps, undo, timeout));
    }
    return new SagaPlan(steps);
  }
}
