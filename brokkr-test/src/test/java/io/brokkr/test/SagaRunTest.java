package io.brokkr.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/** The run's assertions pass on what happened and fail with a message that says what did. */
@ExtendWith(BrokkrExtension.class)
class SagaRunTest {
  /** reserve, then charge (declined), then ship; reserve and charge are undone by their compensators. */
  private static final SagaTemplate ORDER = SagaTemplate.named("Order")
      .step("reserve").compensateWith("Order.release")
      .step("charge").dependsOn("reserve").retry(RetryPolicy.NO_RETRY).compensateWith("Order.refund")
      .step("ship").dependsOn("charge")
      .build();

  private SagaRun run;

  @BeforeEach
  void aDeclinedOrder(TestBrokkr brokkr) {
    brokkr.node().registerWorkers(
        Worker.sync("Order.reserve", step -> "stock-1"),
        Worker.sync("Order.charge", step -> {
          throw new IllegalStateException("card declined");
        }),
        Worker.sync("Order.ship", step -> "parcel-1"),
        Worker.sync("Order.release", step -> null),
        Worker.sync("Order.refund", step -> null));
    SagaHandle<StepResults> handle = brokkr.node().start(ORDER, Map.of());
    run = brokkr.awaitOutcome(handle);
  }

  @Test
  void theAssertionsHoldForWhatHappened(TestBrokkr sameNode) {
    run.assertCompensated()
        .assertStepsRanInOrder("reserve", "charge")
        .assertNotRun("ship")
        .assertStepsCompensatedInOrder("reserve")
        .assertAttempts("reserve", 1)
        .assertAttempts("charge", 1)
        .assertAttempts("reserve/compensator", 1)
        .assertAttempts("ship", 0);
    assertEquals(1, sameNode.node().countSagas().values().stream().mapToLong(Long::longValue).sum(),
        "the @BeforeEach method and the test share one node");
  }

  @Test
  void aStatusThatDiffersNamesTheFailedStep() {
    assertFails(run::assertFinished, "ended COMPENSATED, expected FINISHED: step \"charge\" failed: "
        + "IllegalStateException: card declined");
  }

  @Test
  void anOrderThatDiffersNamesBothOrders() {
    assertFails(() -> run.assertStepsRanInOrder("charge", "reserve"),
        "steps ran in order [reserve, charge], expected [charge, reserve]");
  }

  @Test
  void aStepThatNeverRanIsNamedWithThoseThatDid() {
    assertFails(() -> run.assertStepsRanInOrder("reserve", "ship"),
        "step \"ship\" never ran; the steps that ran: [reserve, charge]");
    assertFails(() -> run.assertStepsCompensatedInOrder("charge"),
        "step \"charge\" never was compensated; the steps that were compensated: [reserve]");
  }

  @Test
  void aStepThatRanAgainstExpectationShowsItsTransitions() {
    assertFails(() -> run.assertNotRun("reserve"), "step \"reserve\" ran, expected it not to; its transitions: "
        + "[reserve: CREATED -> QUEUED, reserve: QUEUED -> RUNNING, reserve: RUNNING -> FINISHED, "
        + "reserve: FINISHED -> COMPENSATING, reserve: COMPENSATING -> COMPENSATED]");
  }

  @Test
  void attemptsThatDifferNameBothCounts() {
    assertFails(() -> run.assertAttempts("charge", 3), "step \"charge\" took 1 attempt, expected 3; its transitions: "
        + "[charge: CREATED -> QUEUED, charge: QUEUED -> RUNNING, charge: RUNNING -> FAILED]");
  }

  @Test
  void aMisspeltStepIsNamedWithTheSagasSteps() {
    assertFails(() -> run.assertNotRun("chrage"),
        "has no step \"chrage\"; its steps: [charge, charge/compensator, reserve, reserve/compensator, ship]");
  }

  private void assertFails(Executable assertion, String message) {
    AssertionFailedError error = assertThrows(AssertionFailedError.class, assertion);
    assertEquals("saga " + run.outcome().sagaId() + ": " + message, error.getMessage());
  }
}
