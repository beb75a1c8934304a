package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.brokkr.runtime.logging.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A step whose worker no node hosts keeps waiting, and the node that made it ready warns once. */
class StrandedStepTest {
  private static final String STRANDED_LOG = "io.brokkr.runtime.internal.Stranded";

  @Test
  void aStepWhoseWorkerNoNodeHostsIsNamedInAWarningAndKeepsWaiting() throws Exception {
    try (LogCapture log = new LogCapture();
        Brokkr brokkr = Brokkr.builder().strandedWarningAfter(Duration.ofMillis(50)).inMemory()) {
      brokkr.registerWorker(Worker.sync("Here", inv -> "done"));
      Saga saga = brokkr.createSaga();
      SagaStep here = saga.addStep("Here", List.of());
      SagaStep stranded = saga.addStep("Nowhere", List.of());
      saga.start();
      String message = log.await(e -> e.getLevel() == Level.WARN && e.getLoggerName().equals(STRANDED_LOG),
          Duration.ofSeconds(20)).getFormattedMessage();
      assertTrue(message.contains("worker \"Nowhere\""), message);
      assertTrue(message.contains(saga.getId()), message);
      assertTrue(message.contains("step \"" + stranded.getId() + "\""), message);
      assertTrue(log.events().stream().noneMatch(e -> e.getLoggerName().equals(STRANDED_LOG)
          && e.getFormattedMessage().contains(here.getId())),
          "a step of a worker this node hosts is never watched");
      assertEquals(StepStatus.QUEUED, stranded.getStatus(), "the step keeps waiting");

      // Once a node hosts the worker, the step runs.
      brokkr.registerWorker(Worker.sync("Nowhere", inv -> "found"));
      brokkr.restorePreviousState();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
    }
  }

  @Test
  void theWaitIsCheckedWhenSet() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Brokkr.builder().strandedWarningAfter(Duration.ZERO));
    assertTrue(e.getMessage().contains("PT0S"), e.getMessage());
  }
}
