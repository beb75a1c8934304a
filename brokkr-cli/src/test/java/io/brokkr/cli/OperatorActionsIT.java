package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code brokkr history}, {@code retry} and {@code resolve} against sagas made by a node. */
class OperatorActionsIT {
  private static Forge forge;

  @BeforeAll
  static void start() throws Exception {
    forge = new Forge("actions");
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  private static Cli.Run run(String... args) {
    return Cli.run(ShowIT.args(forge.connection(), args));
  }

  @Test
  void aRetriedSagaCompensatesAndItsHistoryTellsWhoRetriedIt() throws Exception {
    Saga saga = forge.failedRefund();
    assertEquals(SagaStatus.FAILED, saga.getStatus());
    Cli.Run stillBroken = run("retry", saga.getId(), "--author", "ops-alice");
    assertEquals(0, stillBroken.exitCode(), stillBroken.err());
    assertEquals(SagaStatus.FAILED, saga.getOutcome().get(30, TimeUnit.SECONDS).status(), "the refund failed again");
    forge.refundsBroken.set(false);
    try {
      Cli.Run retried = run("retry", saga.getId(), "--author", "ops-alice");
      assertEquals(0, retried.exitCode(), retried.err());
      assertTrue(retried.out().startsWith("retried saga " + saga.getId() + ": it is COMPENSAT"), retried.out());
      assertEquals(SagaStatus.COMPENSATED, saga.getOutcome().get(30, TimeUnit.SECONDS).status());
    } finally {
      forge.refundsBroken.set(true);
    }

    Cli.Run history = run("history", saga.getId());
    assertEquals(0, history.exitCode(), history.err());
    List<String> lines = history.outLines();
    assertTrue(lines.get(0).matches("TIME +WHAT +STEP +MOVE +NODE +ATTEMPT +DETAIL"), lines.get(0));
    assertTrue(lines.get(1).matches("\\S+Z +created +- +CREATED +- +-\\s*"), lines.get(1));
    assertEquals(2, lines.stream().filter(l -> l.matches(".* retry +- +- +- +- +by ops-alice")).count(), history.out());
    assertTrue(lines.stream().anyMatch(l -> l.contains("RUNNING -> FAILED") && l.endsWith("IllegalStateException: no courier")),
        history.out());
    assertTrue(lines.get(lines.size() - 1).matches(".* saga +- +COMPENSATING -> COMPENSATED +- +-\\s*"), history.out());
  }

  @Test
  void historyAsJsonHasEveryEntryWithItsFields() throws Exception {
    Saga saga = forge.failedRefund();
    Cli.Run run = run("history", saga.getId(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(saga.getId(), json.get("sagaId").asText());
    JsonNode entries = json.get("entries");
    assertEquals(saga.getHistory().size(), entries.size());
    assertEquals("CREATED", entries.get(0).get("kind").asText());
    JsonNode claim = null;
    for (JsonNode entry : entries) {
      if ("QUEUED".equals(entry.path("from").asText()) && "RUNNING".equals(entry.path("to").asText())) {
        claim = entry;
        break;
      }
    }
    assertTrue(claim != null, run.out());
    assertEquals(1, claim.get("attempt").asInt());
    assertTrue(claim.get("token").asLong() > 0, run.out());
    assertTrue(claim.get("nodeId").isTextual(), run.out());
    assertTrue(claim.get("at").asText().endsWith("Z"), run.out());
  }

  @Test
  void aResolvedRefundSettlesTheSagaAndASecondResolveIsRefused() throws Exception {
    Saga saga = forge.failedRefund();
    SagaStep charge = saga.getSteps().get(0);
    Cli.Run resolved = run("resolve", saga.getId(), charge.getId(), "--note", "refunded by hand in the bank's portal",
        "--author", "ops-bob", "--json");
    assertEquals(0, resolved.exitCode(), resolved.err());
    JsonNode json = new ObjectMapper().readTree(resolved.out());
    assertEquals("COMPENSATED", json.get("status").asText(), resolved.out());
    assertEquals(SagaStatus.COMPENSATED, saga.getOutcome().get(30, TimeUnit.SECONDS).status());

    Cli.Run again = run("resolve", saga.getId(), charge.getId(), "--note", "again");
    assertEquals(1, again.exitCode());
    assertEquals(List.of("brokkr: step \"" + charge.getId() + "\" of saga " + saga.getId()
        + " has settled already; nothing to resolve"), again.errLines());
    Cli.Run history = run("history", saga.getId());
    assertTrue(history.outLines().stream().anyMatch(l -> l.matches(".* resolve +\\S+ +- +- +- +by ops-bob: refunded by hand"
        + " in the bank's portal")), history.out());
  }

  @Test
  void aStuckStepIsResolvedAndRefusalsAreOneLineEach() {
    Saga waiting = forge.waiting();
    SagaStep step = waiting.getSteps().get(0);
    Cli.Run resolved = run("resolve", waiting.getId(), step.getId(), "--note", "tempered by hand");
    assertEquals(0, resolved.exitCode(), resolved.err());
    assertEquals(List.of("resolved step " + step.getId() + " of saga " + waiting.getId() + ": the saga is FINISHED"
        + " (see brokkr history " + waiting.getId() + ")"), resolved.outLines());

    Cli.Run unknownStep = run("resolve", waiting.getId(), "nope", "--note", "n");
    assertEquals(1, unknownStep.exitCode());
    assertEquals(List.of("brokkr: saga " + waiting.getId() + " has no step \"nope\""), unknownStep.errLines());
    Cli.Run notFailed = run("retry", waiting.getId());
    assertEquals(1, notFailed.exitCode());
    assertEquals(List.of("brokkr: saga " + waiting.getId() + " is FINISHED; only a FAILED saga can be retried"),
        notFailed.errLines());
    Cli.Run running = run("retry", forge.waiting().getId());
    assertEquals(1, running.exitCode());
    assertTrue(running.err().matches("brokkr: saga \\S+ is RUNNING; only a FAILED saga can be retried\\s*"), running.err());
    Cli.Run unknownSaga = run("history", "no-such-saga");
    assertEquals(1, unknownSaga.exitCode());
    assertTrue(unknownSaga.err().startsWith("brokkr: no saga \"no-such-saga\" in namespace \"actions\""), unknownSaga.err());
    Cli.Run usage = run("resolve", waiting.getId(), step.getId());
    assertEquals(2, usage.exitCode());
    assertTrue(usage.err().contains("--note"), usage.err());
  }
}
