package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
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
import org.junit.jupiter.api.Test;

/**
 * A step whose outcome is unknown (an attempt timed out or lost its lease) is possibly done: when
 * its saga compensates, its compensator runs, told that the result is unknown. An explicit failure
 * did nothing and is not compensated.
 */
public interface PossiblyDoneContract extends ContractFixture {

  /** Records what each "Refund" ran for: its first arg, and whether the charge's result was unknown. */
  private Worker refund(List<String> refunds) {
    return Worker.sync("Refund", inv -> {
      refunds.add(inv.arg(0, String.class) + (inv.compensatedResultUnknown() ? " unknown" : " " + inv.dependencyResults()));
      return null;
    });
  }

  @Test
  default void anAsyncChargeThatTimedOutIsRefundedWhenItsSagaCompensates() {
    List<String> refunds = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = node();
    brokkr.registerWorkers(Worker.async("Charge", inv -> {
      // Publishes a request to a payment service that answers too late.
    }), refund(refunds));
    Saga saga = brokkr.createSaga();
    SagaStep charge = saga.addStep("Charge", List.of(), List.of(),
        StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofMillis(100)));
    charge.compensateWith("Refund", List.of("order-1"));
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of("order-1 unknown"), refunds);
    assertEquals(StepStatus.COMPENSATED, charge.getStatus());
    assertFalse(saga.stepFinished(charge.getId(), "charged"), "the late confirmation is refused");
  }

  @Test
  default void aStepThatFailedExplicitlyIsNotCompensated() {
    List<String> refunds = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = node();
    brokkr.registerWorkers(Worker.sync("Charge", inv -> {
      throw new IllegalStateException("card declined");
    }), refund(refunds));
    Saga saga = brokkr.createSaga();
    SagaStep charge = saga.addStep("Charge", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    SagaStep undo = charge.compensateWith("Refund", List.of("order-1"));
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of(), refunds);
    assertEquals(StepStatus.FAILED, charge.getStatus());
    assertEquals(StepStatus.SKIPPED, undo.getStatus());
  }

  @Test
  default void aStepWaitingOutItsBackoffAfterATimeoutIsCompensatedWhenAnotherStepFails() {
    List<String> refunds = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch chargeTimedOut = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Brokkr brokkr = node();
    brokkr.registerWorkers(Worker.sync("Charge", inv -> {
      never.await(); // interrupted at its timeout
      return null;
    }), Worker.sync("Ship", inv -> {
      await(chargeTimedOut, "the charge to time out");
      throw new IllegalStateException("no truck");
    }), refund(refunds));
    Saga saga = brokkr.createSaga();
    // After its first attempt times out, the charge waits a long backoff: the saga fails meanwhile.
    SagaStep charge = saga.addStep("Charge", List.of(), List.of(), StepOptions.DEFAULTS
        .withRetry(new RetryPolicy(2, Duration.ofSeconds(30), 1.0, Duration.ofSeconds(30)))
        .withTimeout(Duration.ofMillis(100)));
    charge.compensateWith("Refund", List.of("order-1"));
    saga.addStep("Ship", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();
    eventually("the charge's backoff", () -> charge.getStatus() == StepStatus.QUEUED && charge.getAttempt() == 1);
    chargeTimedOut.countDown();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of("order-1 unknown"), refunds);
    assertEquals(StepStatus.COMPENSATED, charge.getStatus());
  }

  @Test
  default void aStepThatFinishedAfterATimedOutAttemptIsCompensatedWithItsResult() {
    List<String> refunds = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch never = new CountDownLatch(1);
    Brokkr brokkr = node();
    brokkr.registerWorkers(Worker.sync("Charge", inv -> {
      if (inv.attempt() == 1) {
        never.await(); // interrupted at its timeout
      }
      return "payment-7";
    }), Worker.sync("Ship", inv -> {
      throw new IllegalStateException("no truck");
    }), refund(refunds));
    Saga saga = brokkr.createSaga();
    SagaStep charge = saga.addStep("Charge", List.of(), List.of(), StepOptions.DEFAULTS.withTimeout(Duration.ofMillis(100)));
    charge.compensateWith("Refund", List.of("order-1"));
    saga.addStep("Ship", List.of(), List.of(charge.getId()), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of("order-1 [payment-7]"), refunds, "a finished step's result is known again");
    assertEquals(2, charge.getAttempt());
  }
}
