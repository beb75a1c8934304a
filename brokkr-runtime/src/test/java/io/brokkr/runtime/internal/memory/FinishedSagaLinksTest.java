package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A FINISHED saga lets go of the links its rules walk (each step's dependents, the list of its
 * compensators): nothing follows FINISHED, and a saga is kept for its retention. What it shows and
 * how it answers operators stay as they were.
 */
class FinishedSagaLinksTest {
  private final Outbox outbox = new Outbox(Subscribers.of(event -> {}));
  private final MemorySaga saga = new MemorySaga("s", Optional.empty(), Clock.systemUTC(), new ReadyQueues(),
      new TimerIndex(), outbox);

  @Test
  void aFinishedSagaKeepsNoDependentsYetShowsAndAnswersAsBefore() {
    saga.within(drafting -> {
      drafting.addStep(spec("a", List.of()));
      drafting.addStep(spec("b", List.of("a")));
      drafting.addCompensator("a", spec("undo-a", List.of()));
      return drafting.start();
    });
    assertEquals(List.of("b"), saga.step("a").dependents().stream().map(MemoryStep::id).toList(),
        "while the saga runs, its rules walk a's dependents");

    run("a");
    run("b");

    assertEquals(SagaStatus.FINISHED, saga.status());
    assertEquals(List.of(), saga.step("a").dependents());
    SagaSnapshot settled = saga.snapshotOnceDelivered();
    assertEquals(List.of("a", "b", "undo-a"), settled.steps().stream().map(StepSnapshot::stepId).toList());
    assertEquals(List.of("a"), settled.steps().get(1).spec().dependsOn());
    assertEquals(StepStatus.SKIPPED, settled.steps().get(2).status());
    assertEquals(Change.NONE, saga.within(finished -> finished.retry("operator")), "a FINISHED saga is not retried");
    assertEquals(Change.NONE, saga.within(finished -> finished.cancel("late", "operator")));
  }

  private void run(String stepId) {
    Claim claim = saga.within(s -> s.claimMadeReady(stepId, "node-1", Instant.now(), Duration.ofSeconds(30)))
        .orElseThrow(() -> new AssertionError(stepId + " was not ready"));
    Change finished = saga.within(s -> s.finish(stepId, Settler.attempt(claim.lease().token()), Optional.of("1")));
    assertTrue(finished.applied(), stepId + " finished");
  }

  private static StepSpec spec(String id, List<String> dependsOn) {
    return new StepSpec(id, "w", dependsOn, "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }
}
