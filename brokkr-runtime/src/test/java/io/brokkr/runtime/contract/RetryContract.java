package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Attempts are retried per policy, time out, and fail the step when none is left. */
public interface RetryContract extends ContractFixture {

  @Test
  default void aFailedAttemptIsRetriedUntilOneSucceeds() {
    Brokkr brokkr = node();
    List<Integer> attempts = Collections.synchronizedList(new ArrayList<>());
    brokkr.registerWorker(Worker.sync("Flaky", inv -> {
      attempts.add(inv.attempt());
      if (inv.attempt() < 3) {
        throw new IllegalStateException("not yet");
      }
      return "at last";
    }));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Flaky", List.of());
    saga.start();

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(List.of(1, 2, 3), attempts);
    assertEquals(3, step.getAttempt());
    assertEquals("at last", step.getResult(String.class).orElseThrow());
  }

  @Test
  default void aStepFailsWhenItsAttemptsAreSpentAndTheSagaCompensates() {
    Brokkr brokkr = node();
    AtomicInteger calls = new AtomicInteger();
    brokkr.registerWorker(Worker.sync("Broken", inv -> {
      calls.incrementAndGet();
      throw new IllegalStateException("out of iron");
    }));
    Saga saga = brokkr.createSaga();
    RetryPolicy twice = new RetryPolicy(2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1));
    SagaStep step = saga.addStep("Broken", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(twice));
    saga.start();

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals(2, calls.get());
    assertEquals(StepStatus.FAILED, step.getStatus());
    assertEquals(step.getId(), outcome.failure().orElseThrow().stepId());
    assertTrue(outcome.failure().orElseThrow().reason().contains("out of iron"), outcome.failure().get().reason());
  }

  @Test
  default void theNodesDefaultPolicyMakesThreeAttempts() {
    Brokkr brokkr = node(b -> b.defaultRetryPolicy(RetryPolicy.DEFAULT));
    AtomicInteger calls = new AtomicInteger();
    brokkr.registerWorker(Worker.sync("Broken", inv -> {
      calls.incrementAndGet();
      throw new IllegalStateException("no");
    }));
    Saga saga = brokkr.createSaga();
    saga.addStep("Broken", List.of());
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(3, calls.get());
  }

  @Test
  default void anAsyncStepThatIsNeverSettledTimesOut() {
    Brokkr brokkr = node();
    AtomicInteger published = new AtomicInteger();
    brokkr.registerWorker(Worker.async("Silent", inv -> published.incrementAndGet()));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Silent", List.of(), List.of(),
        StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofMillis(50)));
    saga.start();

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals(StepStatus.FAILED, step.getStatus());
    assertEquals("attempt 1 timed out after 50ms", step.getFailureReason().orElseThrow());
    assertEquals(1, published.get());
    assertEquals(false, saga.stepFinished(step.getId(), "too late"), "a late completion is a no-op");
  }

  @Test
  default void aSyncAttemptThatTimesOutIsInterruptedAndRetried() {
    Brokkr brokkr = node();
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    brokkr.registerWorker(Worker.sync("Stuck", inv -> {
      if (inv.attempt() == 1) {
        try {
          never.await();
        } catch (InterruptedException e) {
          interrupted.set(true);
          throw e;
        }
      }
      return "second time lucky";
    }));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Stuck", List.of(), List.of(), StepOptions.DEFAULTS.withTimeout(Duration.ofMillis(50)));
    saga.start();

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(2, step.getAttempt());
    assertEquals("second time lucky", step.getResult(String.class).orElseThrow());
    eventually("the first attempt to be interrupted", interrupted::get);
  }

  @Test
  default void aResultThatIsNotJsonFailsTheAttempt() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Opaque", inv -> new Object()));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Opaque", List.of());
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    String reason = step.getFailureReason().orElseThrow();
    assertTrue(reason.contains("not JSON-encodable"), reason);
    assertEquals(FAST.maxAttempts(), step.getAttempt());
  }

  @Test
  default void aFailureReportedFromOutsideIsNotRetried() {
    Brokkr brokkr = node();
    AtomicInteger published = new AtomicInteger();
    brokkr.registerWorker(Worker.async("Payment", inv -> published.incrementAndGet()));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Payment", List.of());
    saga.start();
    eventually("the payment to be published", () -> published.get() == 1);
    eventually("the attempt to be running", () -> step.getStatus() == StepStatus.RUNNING);

    assertTrue(saga.stepFailed(step.getId(), "card declined"));
    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals("card declined", outcome.failure().orElseThrow().reason());
    assertEquals(1, step.getAttempt());
    assertEquals(1, published.get());
  }
}
