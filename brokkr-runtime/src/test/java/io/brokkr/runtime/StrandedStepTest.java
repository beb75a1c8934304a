package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A step whose worker no node hosts keeps waiting, and the node that made it ready warns once. */
class StrandedStepTest {
  private final Logger logger = Logger.getLogger("io.brokkr.runtime.internal.Stranded");
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final CountDownLatch warned = new CountDownLatch(1);
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
        warned.countDown();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void aStepWhoseWorkerNoNodeHostsIsNamedInAWarningAndKeepsWaiting() throws Exception {
    try (Brokkr brokkr = Brokkr.builder().strandedWarningAfter(Duration.ofMillis(50)).inMemory()) {
      brokkr.registerWorker(Worker.sync("Here", inv -> "done"));
      Saga saga = brokkr.createSaga();
      SagaStep here = saga.addStep("Here", List.of());
      SagaStep stranded = saga.addStep("Nowhere", List.of());
      saga.start();
      assertTrue(warned.await(20, TimeUnit.SECONDS), "a warning came");
      String message = warnings.get(0).getMessage();
      assertTrue(message.contains("worker \"Nowhere\""), message);
      assertTrue(message.contains(saga.getId()), message);
      assertTrue(message.contains("step \"" + stranded.getId() + "\""), message);
      assertTrue(warnings.stream().noneMatch(w -> w.getMessage().contains(here.getId())),
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
