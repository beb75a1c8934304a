package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.logging.LogCapture;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** What a node logs, as the tests' real SLF4J provider records it. */
class LoggingTest {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String ATTEMPT_LOG = "io.brokkr.runtime.internal.AttemptLog";
  private static final String NODE_LOG = "io.brokkr.runtime.internal.BrokkrNode";

  /** One thread, so that what the MDC keeps after an attempt would show on the next task. */
  private final ExecutorService thread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    thread.shutdownNow();
  }

  @Test
  void aFinalFailureIsLoggedWithItsStackTraceAndMdcAndStoredWithItsCause() throws Exception {
    try (LogCapture log = new LogCapture();
        Brokkr brokkr = Brokkr.builder().nodeId("logging-1").concurrency(1).executor(thread)
            .build(InMemoryBackend.create())) {
      brokkr.registerWorker(Worker.sync("Reserve", inv -> {
        throw new IllegalStateException("out of stock", new SocketTimeoutException("read timed out"));
      }));
      Saga saga = brokkr.createSaga();
      SagaStep step = saga.addStep("Reserve", List.of(), List.of(),
          StepOptions.DEFAULTS.withRetry(new RetryPolicy(2, Duration.ZERO, 1.0, Duration.ZERO)));
      saga.start();
      assertEquals(SagaStatus.COMPENSATED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());

      String reason = "IllegalStateException: out of stock (caused by SocketTimeoutException: read timed out)";
      assertEquals(Optional.of(reason), brokkr.getSaga(saga.getId()).orElseThrow()
          .getStep(step.getId()).orElseThrow().getFailureReason());

      ILoggingEvent failed = log.await(e -> e.getLevel() == Level.WARN && e.getLoggerName().equals(ATTEMPT_LOG),
          PATIENCE);
      assertEquals("step \"" + step.getId() + "\" of saga " + saga.getId() + " failed for good at attempt 2: " + reason,
          failed.getFormattedMessage());
      IThrowableProxy thrown = failed.getThrowableProxy();
      assertEquals("java.lang.IllegalStateException", thrown.getClassName());
      assertEquals("java.net.SocketTimeoutException", thrown.getCause().getClassName());
      assertTrue(thrown.getStackTraceElementProxyArray().length > 0, "the stack trace is logged");
      assertEquals(Map.of("brokkr.sagaId", saga.getId(), "brokkr.stepId", step.getId(), "brokkr.worker", "Reserve",
          "brokkr.attempt", "2"),
          failed.getMDCPropertyMap());

      ILoggingEvent compensates = log.await(e -> e.getLevel() == Level.INFO && e.getLoggerName().equals(ATTEMPT_LOG),
          PATIENCE);
      assertEquals("saga " + saga.getId() + " compensates its finished steps: step \"" + step.getId()
          + "\" failed for good", compensates.getFormattedMessage());
      assertEquals(Map.of(), thread.submit(LoggingTest::mdc).get(20, TimeUnit.SECONDS),
          "the pooled thread keeps nothing of the attempt's MDC");
      assertTrue(log.events().stream().noneMatch(e -> e.getFormattedMessage().contains("retried at")),
          "a retry is logged at DEBUG, below the tests' level");
    }
  }

  @Test
  void aNodeLogsItsStartItsWorkersAndItsStop() {
    try (LogCapture log = new LogCapture()) {
      try (Brokkr brokkr = Brokkr.builder().nodeId("logging-2").concurrency(3).build(InMemoryBackend.create())) {
        brokkr.registerWorker(Worker.async("Remote", inv -> { }));
      }
      List<String> lines = log.events().stream().filter(e -> e.getLoggerName().equals(NODE_LOG))
          .map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
      assertEquals(List.of(
          "INFO Brokkr node logging-2 started in namespace \"brokkr\" on in-memory store: up to 3 attempts at once,"
              + " its own executor",
          "INFO Brokkr node logging-2 hosts worker \"Remote\" (ASYNC)",
          "INFO Brokkr node logging-2 drains: it takes no new work and waits up to 10s for its running attempts",
          "INFO Brokkr node logging-2 stopped; 0 running attempts were handed back to the store"), lines);
    }
  }

  @Test
  void aCompensatorThatFailsForGoodLeavesTheSagaFailedAtError() throws Exception {
    try (LogCapture log = new LogCapture();
        Brokkr brokkr = Brokkr.builder().nodeId("logging-3").build(InMemoryBackend.create())) {
      brokkr.registerWorkers(
          Worker.sync("Charge", inv -> "charged"),
          Worker.sync("Ship", inv -> {
            throw new IllegalStateException("no truck");
          }),
          Worker.sync("Refund", inv -> {
            throw new UnsupportedOperationException("refunds are closed");
          }));
      Saga saga = brokkr.createSaga();
      SagaStep charge = saga.addStep("Charge", List.of());
      charge.compensateWith("Refund", List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
      saga.addStep("Ship", List.of(), List.of(charge.getId()), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
      saga.start();
      assertEquals(SagaStatus.FAILED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());

      String refund = charge.getCompensator().orElseThrow().getId();
      ILoggingEvent failed = log.await(e -> e.getLevel() == Level.ERROR, PATIENCE);
      assertEquals("saga " + saga.getId() + " FAILED: compensator \"" + refund + "\" of step \"" + charge.getId()
          + "\" failed for good (UnsupportedOperationException: refunds are closed); the step is not undone",
          failed.getFormattedMessage());
      assertEquals(refund, failed.getMDCPropertyMap().get("brokkr.stepId"));
    }
  }

  @Test
  void anAttemptGivesBackWhatTheThreadsMdcHeldBefore() throws Exception {
    // The pooled thread already carries a value under one of the attempt's keys, as a caller's own
    // thread might: the attempt overrides it while it runs, and puts it back after.
    thread.submit(() -> MDC.put("brokkr.worker", "the caller's")).get(20, TimeUnit.SECONDS);
    try (Brokkr brokkr = Brokkr.builder().nodeId("logging-3").concurrency(1).executor(thread)
        .build(InMemoryBackend.create())) {
      List<Map<String, String>> during = new CopyOnWriteArrayList<>();
      brokkr.registerWorker(Worker.sync("Reserve", inv -> {
        during.add(mdc());
        return "reserved";
      }));
      Saga saga = brokkr.createSaga();
      saga.addStep("Reserve", List.of());
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());

      assertEquals("Reserve", during.get(0).get("brokkr.worker"));
      assertEquals(Map.of("brokkr.worker", "the caller's"), thread.submit(LoggingTest::mdc).get(20, TimeUnit.SECONDS),
          "the thread's own value is back, and nothing of the attempt stays");
    }
  }

  @Test
  void everyAttemptCarriesItsOwnNumberPastTheFirstFew() throws Exception {
    // Numbers below 10 are cached text, the rest made per attempt: both kinds, in order.
    try (Brokkr brokkr = Brokkr.builder().nodeId("logging-4").concurrency(1).executor(thread)
        .build(InMemoryBackend.create())) {
      List<String> numbers = new CopyOnWriteArrayList<>();
      brokkr.registerWorker(Worker.sync("Flaky", inv -> {
        numbers.add(MDC.get("brokkr.attempt"));
        if (numbers.size() < 12) {
          throw new IllegalStateException("not yet");
        }
        return "done";
      }));
      Saga saga = brokkr.createSaga();
      saga.addStep("Flaky", List.of(), List.of(),
          StepOptions.DEFAULTS.withRetry(new RetryPolicy(12, Duration.ZERO, 1.0, Duration.ZERO)));
      saga.start();
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());

      assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"), numbers);
      assertEquals(Map.of(), thread.submit(LoggingTest::mdc).get(20, TimeUnit.SECONDS));
    }
  }

  private static Map<String, String> mdc() {
    return Optional.ofNullable(MDC.getCopyOfContextMap()).orElse(Map.of());
  }
}
