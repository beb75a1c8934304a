package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An operator cancels a running saga: it compensates what was done, and takes nothing new. */
public interface CancelContract extends ContractFixture {

  @Test
  default void aCancelledSagaCompensatesWhatFinishedAndSkipsWhatDidNotStart() {
    Brokkr brokkr = node();
    AtomicInteger undone = new AtomicInteger();
    brokkr.registerWorkers(Worker.sync("Reserve", inv -> "reserved"), Worker.sync("Release", inv -> undone.incrementAndGet()));
    Saga saga = brokkr.createSaga("order");
    SagaStep reserve = saga.addStep("Reserve", List.of());
    reserve.compensateWith("Release", List.of());
    SagaStep ship = saga.addStep("NobodyShips", List.of(), List.of(reserve.getId()));
    saga.start();
    eventually("the reservation finished", () -> reserve.getStatus() == StepStatus.FINISHED);

    assertTrue(saga.cancel("the customer changed their mind"));
    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals(Optional.of(new SagaOutcome.Failure("", "the customer changed their mind")), outcome.failure());
    assertEquals(1, undone.get());
    assertEquals(StepStatus.COMPENSATED, reserve.getStatus());
    assertEquals(StepStatus.SKIPPED, ship.getStatus());
    assertFalse(saga.cancel("again"), "a settled saga is not cancelled twice");
  }

  @Test
  default void aStepRunningWhenTheSagaIsCancelledFinishesAndIsThenCompensated() throws InterruptedException {
    Brokkr brokkr = node();
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger undone = new AtomicInteger();
    brokkr.registerWorkers(Worker.sync("Slow", inv -> {
      running.countDown();
      release.await();
      return "done";
    }), Worker.sync("Undo", inv -> undone.incrementAndGet()));
    Saga saga = brokkr.createSaga();
    SagaStep slow = saga.addStep("Slow", List.of());
    slow.compensateWith("Undo", List.of());
    saga.start();
    await(running, "the step runs");

    assertTrue(saga.cancel("stop"));
    assertEquals(SagaStatus.COMPENSATING, saga.getStatus());
    assertFalse(saga.cancel("stop again"), "a compensating saga is cancelled already");
    release.countDown();
    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(1, undone.get(), "the step that finished after the cancel was undone");
  }

  @Test
  default void aSagaNeverStartedCannotBeCancelled() {
    Saga saga = node().createSaga();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> saga.cancel("why"));
    assertEquals("saga " + saga.getId() + " is CREATED; only a RUNNING saga can be cancelled", e.getMessage());
    assertEquals(SagaStatus.CREATED, saga.getStatus());
  }
}
