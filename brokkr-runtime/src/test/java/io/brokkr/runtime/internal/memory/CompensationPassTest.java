package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compensation pass visits the steps a change concerns, not every step of the saga. */
class CompensationPassTest {
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10));

  @Test
  void stepsVisitedPerCompensatorRunDoNotGrowWithTheSagasWidth() {
    // Each leaf's compensator visits its leaf; the last one also its root: width + 1 in all.
    assertEquals(11, visitsOfCompensatorRuns(10));
    assertEquals(1_001, visitsOfCompensatorRuns(1_000));
  }

  /** A root, width leaves after it, a step failing once they finished; the visits of undoing the leaves. */
  private static long visitsOfCompensatorRuns(int width) {
    MemorySaga saga = new MemorySaga("wide", new ReadyQueues(), new TimerIndex(), new Outbox(event -> {}));
    saga.addStep(spec("root", List.of()));
    saga.addCompensator("root", spec("undo-root", List.of()));
    for (int i = 0; i < width; i++) {
      saga.addStep(spec("leaf-" + i, List.of("root")));
      saga.addCompensator("leaf-" + i, spec("undo-leaf-" + i, List.of()));
    }
    saga.addStep(spec("boom", List.of()));
    saga.start();
    saga.finish("root", Settler.external(), Optional.empty());
    for (int i = 0; i < width; i++) {
      saga.finish("leaf-" + i, Settler.external(), Optional.empty());
    }
    saga.fail("boom", Settler.external(), "boom", Instant.EPOCH);
    long before = saga.undoVisits;
    for (int i = 0; i < width; i++) {
      saga.finish("undo-leaf-" + i, Settler.external(), Optional.empty());
    }
    long visits = saga.undoVisits - before;
    assertEquals(StepStatus.QUEUED, saga.step("undo-root").status);
    saga.finish("undo-root", Settler.external(), Optional.empty());
    assertEquals(SagaStatus.COMPENSATED, saga.status());
    return visits;
  }

  private static StepSpec spec(String id, List<String> dependsOn) {
    return new StepSpec(id, "w", dependsOn, "[]", ONCE, Optional.empty());
  }
}
