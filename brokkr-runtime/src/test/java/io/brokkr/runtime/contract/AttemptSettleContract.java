package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepInvocation;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An async step settled by its attempt's fencing token ({@code attemptFinished}, {@code attemptFailed}):
 * the reply of a superseded attempt and a duplicate reply are refused, and a failed attempt is
 * retried per the step's policy, as the Kafka bridge needs.
 */
public interface AttemptSettleContract extends ContractFixture {

  /** The next attempt the async worker started, failing the test if none starts in time. */
  private StepInvocation next(BlockingQueue<StepInvocation> started) {
    try {
      StepInvocation invocation = started.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      return invocation != null ? invocation : fail("no attempt started within " + PATIENCE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  @Test
  default void theReplyOfASupersededAttemptIsRefusedAndTheCurrentOneSettles() {
    BlockingQueue<StepInvocation> started = new LinkedBlockingQueue<>();
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.async("Remote", started::add));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Remote", List.of(), List.of(), StepOptions.DEFAULTS.withTimeout(Duration.ofMillis(200)));
    saga.start();

    StepInvocation first = next(started);     // never answered in time: it times out and is retried
    StepInvocation second = next(started);
    assertEquals(2, second.attempt());
    assertNotEquals(first.fencingToken(), second.fencingToken());
    assertFalse(saga.attemptFinished(step.getId(), first.fencingToken(), "late"), "the late reply is refused");
    assertFalse(saga.attemptFailed(step.getId(), first.fencingToken(), "late"), "so is a late failure");
    assertTrue(saga.attemptFinished(step.getId(), second.fencingToken(), "made"));
    assertFalse(saga.attemptFinished(step.getId(), second.fencingToken(), "made"), "a duplicate changes nothing");

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.FINISHED, outcome.status());
    assertEquals("made", outcome.results().get(step.getId(), String.class));
  }

  @Test
  default void aFailedAttemptIsRetriedPerTheStepsPolicy() {
    BlockingQueue<StepInvocation> started = new LinkedBlockingQueue<>();
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.async("Remote", started::add));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Remote", List.of());
    saga.start();

    StepInvocation first = next(started);
    assertTrue(saga.attemptFailed(step.getId(), first.fencingToken(), "busy"));
    StepInvocation second = next(started);
    assertEquals(2, second.attempt());
    assertTrue(saga.attemptFinished(step.getId(), second.fencingToken()));
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
  }

  @Test
  default void anAttemptThatFailsEveryTimeCompensatesItsSaga() {
    BlockingQueue<StepInvocation> started = new LinkedBlockingQueue<>();
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.async("Remote", started::add));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Remote", List.of());
    saga.start();

    for (int attempt = 1; attempt <= FAST.maxAttempts(); attempt++) {
      assertTrue(saga.attemptFailed(step.getId(), next(started).fencingToken(), "out of stock"));
    }
    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertTrue(outcome.failure().orElseThrow().reason().contains("out of stock"), outcome.toString());
  }
}
