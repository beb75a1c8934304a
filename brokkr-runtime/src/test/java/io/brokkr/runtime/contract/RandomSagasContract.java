package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thousand random sagas with random failures, checked against the invariants of the runtime.
 * The graphs and every attempt's fate come from one seed (a step's args say how many of its
 * attempts fail), so a failure reproduces; only the interleaving of threads varies.
 */
public interface RandomSagasContract extends ContractFixture {
  long SEED = 20_240_601L;
  int SAGAS = 1000;
  int MAX_STEPS = 8;
  /** Fails every attempt. */
  int DOOMED = 99;
  RetryPolicy RANDOM_RETRY = new RetryPolicy(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1));

  /** One planned step: its dependencies (indexes of earlier steps) and how its attempts fare. */
  record PlannedStep(List<Integer> dependsOn, boolean async, int failingAttempts, Optional<Integer> undoFailingAttempts) {

    boolean doomed() {
      return async ? failingAttempts > 0 : failingAttempts >= RANDOM_RETRY.maxAttempts();
    }
  }

  private static List<PlannedStep> plan(Random random) {
    List<PlannedStep> steps = new ArrayList<>();
    int size = 1 + random.nextInt(MAX_STEPS);
    for (int i = 0; i < size; i++) {
      List<Integer> dependsOn = new ArrayList<>();
      for (int d = 0; d < i; d++) {
        if (random.nextInt(100) < 35) {
          dependsOn.add(d);
        }
      }
      boolean async = random.nextInt(10) == 0;
      int roll = random.nextInt(100);
      int failing = async ? (roll < 8 ? 1 : 0) : roll < 75 ? 0 : roll < 90 ? 1 : DOOMED;
      int undoRoll = random.nextInt(100);
      Optional<Integer> undo = random.nextInt(100) < 60
          ? Optional.of(undoRoll < 85 ? 0 : undoRoll < 95 ? 1 : DOOMED)
          : Optional.empty();
      steps.add(new PlannedStep(dependsOn, async, failing, undo));
    }
    return steps;
  }

  @Test
  default void aThousandRandomSagasWithRandomFailuresKeepTheInvariants() throws InterruptedException {
    Invariants invariants = new Invariants();
    Brokkr brokkr = node(b -> b.concurrency(8).defaultRetryPolicy(RANDOM_RETRY).listener(invariants));
    ExecutorService consumers = Executors.newFixedThreadPool(2);
    try {
      brokkr.registerWorkers(
          Worker.sync("Step", inv -> {
            if (inv.attempt() <= inv.arg(0, Integer.class)) {
              throw new IllegalStateException("planned failure of attempt " + inv.attempt());
            }
            return inv.stepId();
          }),
          Worker.async("AsyncStep", inv -> consumers.execute(() -> {
            if (inv.arg(0, Integer.class) > 0) {
              inv.saga().stepFailed(inv.stepId(), "declined from outside");
            } else {
              inv.saga().stepFinished(inv.stepId(), "settled from outside");
            }
          })),
          Worker.sync("Undo", inv -> {
            if (inv.attempt() <= inv.arg(0, Integer.class)) {
              throw new IllegalStateException("planned failure of compensation attempt " + inv.attempt());
            }
            invariants.compensatorSucceeded(inv.sagaId(), inv.stepId());
            return null;
          }));

      Random random = new Random(SEED);
      List<Saga> sagas = new ArrayList<>();
      List<List<PlannedStep>> plans = new ArrayList<>();
      for (int i = 0; i < SAGAS; i++) {
        List<PlannedStep> plan = plan(random);
        plans.add(plan);
        sagas.add(build(brokkr, plan, invariants));
      }
      sagas.forEach(Saga::start);

      int[] byStatus = new int[SagaStatus.values().length];
      for (int i = 0; i < SAGAS; i++) {
        Saga saga = sagas.get(i);
        SagaOutcome outcome = outcome(saga);
        eventually("the listeners to see saga " + saga.getId() + " settle", () -> invariants.listenersSaw(saga.getId(), outcome.status()));
        byStatus[outcome.status().ordinal()]++;
        boolean doomed = plans.get(i).stream().anyMatch(PlannedStep::doomed);
        invariants.checkSettled(saga, outcome, doomed);
      }
      assertEquals(List.of(), invariants.violations());
      assertEquals(SAGAS, byStatus[SagaStatus.FINISHED.ordinal()] + byStatus[SagaStatus.COMPENSATED.ordinal()]
          + byStatus[SagaStatus.FAILED.ordinal()]);
      for (SagaStatus end : List.of(SagaStatus.FINISHED, SagaStatus.COMPENSATED, SagaStatus.FAILED)) {
        assertEquals(true, byStatus[end.ordinal()] > 0, "the seed should produce sagas that end " + end);
      }
    } finally {
      consumers.shutdownNow();
      consumers.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static Saga build(Brokkr brokkr, List<PlannedStep> plan, Invariants invariants) {
    Saga saga = brokkr.createSaga();
    List<SagaStep> steps = new ArrayList<>();
    for (PlannedStep planned : plan) {
      List<String> dependsOn = planned.dependsOn().stream().map(d -> steps.get(d).getId()).toList();
      SagaStep step = saga.addStep(planned.async() ? "AsyncStep" : "Step", List.of(planned.failingAttempts()), dependsOn,
          StepOptions.DEFAULTS);
      steps.add(step);
      invariants.step(saga.getId(), step.getId(), dependsOn);
      planned.undoFailingAttempts().ifPresent(failing -> {
        SagaStep undo = step.compensateWith("Undo", List.of(failing));
        invariants.compensator(saga.getId(), undo.getId(), step.getId());
      });
    }
    return saga;
  }
}
