package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The incremental compensation pass on a wide saga: a root is compensated once, after the
 * compensators of all its dependents finished. (Its cost per change is measured on the Lua twin by
 * CompensationCostTest, and the two are held to one behaviour by the differential test.)
 */
class CompensationPassTest {
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10));

  @Test
  void aRootIsCompensatedOnceEveryDependentWasUndone() {
    int width = 1_000;
    MemorySaga saga = new MemorySaga("wide", Optional.empty(), Clock.systemUTC(), new ReadyQueues(), new TimerIndex(), new Outbox(Subscribers.of(event -> {})));
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
    saga.fail("boom", Settler.external(), "boom", "", Instant.EPOCH);
    for (int i = 0; i < width - 1; i++) {
      saga.finish("undo-leaf-" + i, Settler.external(), Optional.empty());
    }
    assertEquals(StepStatus.WAITING_FOR_COMPENSATION, saga.step("undo-root").status, "one dependent is not undone yet");
    saga.finish("undo-leaf-" + (width - 1), Settler.external(), Optional.empty());
    assertEquals(StepStatus.QUEUED, saga.step("undo-root").status);
    saga.finish("undo-root", Settler.external(), Optional.empty());
    assertEquals(SagaStatus.COMPENSATED, saga.status());
  }

  private static StepSpec spec(String id, List<String> dependsOn) {
    return new StepSpec(id, "w", dependsOn, "[]", ONCE, Optional.empty());
  }
}
