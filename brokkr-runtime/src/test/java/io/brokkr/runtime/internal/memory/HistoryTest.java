package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A saga's timeline as the in-memory store packs it: every field read back as written, the oldest dropped past the limit. */
class HistoryTest {
  private static final Instant T0 = Instant.parse("2026-12-04T05:00:00.123Z");

  @Test
  void everyFieldOfEveryKindReadsBackAsWritten() {
    History history = new History();
    OperatorAction retry = new OperatorAction(OperatorAction.Kind.RESOLVE, Optional.of("pay"), "ops", "paid by hand");
    history.move(T0, HistoryEntry.Kind.CREATED, null, null, SagaStatus.CREATED, null, 0, 0, null);
    history.move(T0.plusMillis(1), HistoryEntry.Kind.SAGA_MOVED, null, SagaStatus.RUNNING, SagaStatus.COMPENSATING,
        null, 0, 0, "step \"pay\" failed");
    history.move(T0.plusMillis(2), HistoryEntry.Kind.STEP_MOVED, "pay", StepStatus.QUEUED, StepStatus.RUNNING,
        "node-a", 3, 1L << 40, null);
    history.action(T0.plusMillis(3), retry);

    assertEquals(List.of(
        new HistoryEntry(T0, HistoryEntry.Kind.CREATED, Optional.empty(), Optional.empty(), Optional.of("CREATED"),
            Optional.empty(), 0, 0, Optional.empty(), Optional.empty()),
        new HistoryEntry(T0.plusMillis(1), HistoryEntry.Kind.SAGA_MOVED, Optional.empty(), Optional.of("RUNNING"),
            Optional.of("COMPENSATING"), Optional.empty(), 0, 0, Optional.of("step \"pay\" failed"), Optional.empty()),
        new HistoryEntry(T0.plusMillis(2), HistoryEntry.Kind.STEP_MOVED, Optional.of("pay"), Optional.of("QUEUED"),
            Optional.of("RUNNING"), Optional.of("node-a"), 3, 1L << 40, Optional.empty(), Optional.empty()),
        new HistoryEntry(T0.plusMillis(3), HistoryEntry.Kind.ACTION, Optional.of("pay"), Optional.empty(),
            Optional.empty(), Optional.empty(), 0, 0, Optional.empty(), Optional.of(retry))), history.entries());
  }

  @Test
  void pastTheLimitTheOldestGoFirstAndTheRestKeepTheirOrder() {
    History history = new History();
    int written = HistoryEntry.LIMIT + 37;
    for (int i = 0; i < written; i++) {
      history.move(T0.plusMillis(i), HistoryEntry.Kind.STEP_MOVED, "s" + i, StepStatus.QUEUED, StepStatus.RUNNING,
          "node", i, i, null);
    }

    List<HistoryEntry> entries = history.entries();
    assertEquals(HistoryEntry.LIMIT, entries.size());
    for (int i = 0; i < entries.size(); i++) {
      assertEquals(Optional.of("s" + (i + 37)), entries.get(i).stepId());
      assertEquals(i + 37, entries.get(i).attempt());
      assertEquals(T0.plusMillis(i + 37), entries.get(i).at());
    }
  }

  @Test
  void aTrimmedHistoryStillTakesMoreEntriesAndWrapsAtTheLimit() {
    History history = new History();
    for (int i = 0; i < 13; i++) {
      record(history, i);
    }
    history.trim();
    record(history, 13);
    assertEquals(14, history.entries().size());
    assertEquals(Optional.of("s13"), history.entries().get(13).stepId());

    for (int i = 14; i < HistoryEntry.LIMIT + 5; i++) {
      record(history, i);
      if (i % 100 == 0) {
        history.trim(); // trimmed also once the ring has wrapped
      }
    }
    history.trim();
    record(history, HistoryEntry.LIMIT + 5);
    List<HistoryEntry> entries = history.entries();
    assertEquals(HistoryEntry.LIMIT, entries.size());
    assertEquals(Optional.of("s6"), entries.get(0).stepId());
    assertEquals(Optional.of("s" + (HistoryEntry.LIMIT + 5)), entries.get(HistoryEntry.LIMIT - 1).stepId());
  }

  private static void record(History history, int i) {
    history.move(T0, HistoryEntry.Kind.STEP_MOVED, "s" + i, StepStatus.RUNNING, StepStatus.FINISHED, null, 1, 0, null);
  }

  @Test
  void linesRecordedBeforeTheRoomIsMadeKeepTheirPlaceAndTheLimitStillHolds() {
    History history = new History();
    record(history, 0);
    history.reserve(History.linesOfARun(2, 1));
    for (int i = 1; i < HistoryEntry.LIMIT + 3; i++) {
      record(history, i);
      if (i == 20) {
        history.reserve(2 * HistoryEntry.LIMIT); // room for no more than the limit
      }
    }
    List<HistoryEntry> entries = history.entries();
    assertEquals(HistoryEntry.LIMIT, entries.size());
    assertEquals(Optional.of("s3"), entries.get(0).stepId());
    assertEquals(Optional.of("s" + (HistoryEntry.LIMIT + 2)), entries.get(HistoryEntry.LIMIT - 1).stepId());
  }

  @Test
  void aSagaRunWithoutARetryRecordsAsManyLinesAsItsStartMadeRoomFor() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      brokkr.registerWorker(Worker.sync("work", in -> "done"));
      brokkr.registerWorker(Worker.sync("undo", in -> null));
      Saga hammer = brokkr.createSaga();
      SagaStep head = hammer.addStep("work", List.of("a"));
      head.compensateWith("undo", List.of());
      SagaStep handle = hammer.addStep("work", List.of());
      hammer.addStep("work", List.of(), List.of(head.getId(), handle.getId()));
      Saga chain = brokkr.createSaga();
      SagaStep link = chain.addStep("work", List.of());
      for (int i = 1; i < 5; i++) {
        link = chain.addStep("work", List.of(), List.of(link.getId()));
      }
      for (Saga saga : List.of(hammer, chain)) {
        saga.start();
        assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
      }
      assertEquals(History.linesOfARun(3, 1), hammer.getHistory().size(), hammer.getHistory().toString());
      assertEquals(History.linesOfARun(5, 0), chain.getHistory().size(), chain.getHistory().toString());
    }
  }
}
