package io.brokkr.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opentest4j.AssertionFailedError;

/** The kit's clock drives backoffs and timeouts; a saga that does not settle is described. */
@ExtendWith(BrokkrExtension.class)
class TestBrokkrTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final StepOptions HOURLY_RETRY = StepOptions.DEFAULTS.withRetry(new RetryPolicy(2, HOUR, 1.0, HOUR));

  @Test
  void advancingTheClockEndsABackoffAndTheNextAttemptRuns(TestBrokkr brokkr) {
    AtomicInteger attempts = new AtomicInteger();
    brokkr.node().registerWorker(Worker.sync("flaky", step -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("first attempt fails");
      }
      return "done";
    }));
    Saga saga = brokkr.node().createSaga();
    saga.addStep("flaky", List.of(), List.of(), HOURLY_RETRY);
    saga.start();
    SagaStep step = saga.getSteps().get(0);
    brokkr.awaitBackoff(saga.getId(), step.getId());

    assertEquals(StepStatus.QUEUED, saga.getStep(step.getId()).orElseThrow().getStatus(), "waits out its backoff");
    assertFalse(saga.getOutcome().isDone());
    brokkr.advance(HOUR);

    SagaRun run = brokkr.awaitOutcome(saga).assertFinished().assertAttempts(step.getId(), 2);
    assertEquals(2, attempts.get());
    assertEquals("done", run.outcome().results().get(step.getId(), String.class));
  }

  @Test
  void advancingTheClockPastAStepsTimeoutFailsItsAttempt(TestBrokkr brokkr) throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    brokkr.node().registerWorker(Worker.sync("slow", step -> {
      started.countDown();
      release.await(30, TimeUnit.SECONDS);
      return null;
    }));
    try {
      Saga saga = brokkr.node().createSaga();
      saga.addStep("slow", List.of(), List.of(),
          StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofMinutes(5)));
      saga.start();
      assertTrue(started.await(10, TimeUnit.SECONDS), "the step did not start");

      brokkr.advance(Duration.ofMinutes(5));

      SagaRun run = brokkr.awaitOutcome(saga).assertCompensated();
      assertTrue(run.outcome().failure().orElseThrow().reason().contains("timed out"), run.outcome().toString());
    } finally {
      release.countDown();
    }
  }

  @Test
  void aSagaThatDoesNotSettleIsDescribedStepByStep(TestBrokkr brokkr) {
    brokkr.node().registerWorker(Worker.sync("failing", step -> {
      throw new IllegalStateException("card declined");
    }));
    Saga saga = brokkr.node().createSaga();
    SagaStep step = saga.addStep("failing", List.of(), List.of(), HOURLY_RETRY);
    saga.start();
    brokkr.awaitBackoff(saga.getId(), step.getId());

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> brokkr.awaitOutcome(saga, Duration.ofMillis(50)));

    assertEquals("saga " + saga.getId() + " did not settle within PT0.05S (clock at 2030-01-01T00:00:00Z); its steps:\n"
        + "  " + step.getId() + ": QUEUED, attempt 1, last failure: IllegalStateException: card declined\n"
        + "A step that waits out a backoff or a timeout moves when the test calls advance(...).", error.getMessage());
  }

  @Test
  void theClockMovesOnlyForward(TestBrokkr brokkr) {
    assertEquals(TestBrokkr.START, brokkr.clock().instant());
    assertEquals(TestBrokkr.START.plus(HOUR), brokkr.advance(HOUR));

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> brokkr.advance(HOUR.negated()));

    assertEquals("a test clock moves forward only, not by PT-1H", refused.getMessage());
  }

  @Test
  void theTestsOptionsApplyButTheClockIsTheKits() {
    TestBrokkr closed;
    try (TestBrokkr brokkr = TestBrokkr.create(b -> b.namespace("orders").clock(java.time.Clock.systemUTC()))) {
      closed = brokkr;
      assertEquals("orders", brokkr.node().namespace());
      Saga saga = brokkr.node().createSaga();
      assertEquals(TestBrokkr.START, saga.getSummary().createdAt());
    }
    assertThrows(IllegalStateException.class, () -> closed.node().createSaga());
  }
}
