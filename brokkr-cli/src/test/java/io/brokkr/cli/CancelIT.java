package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code brokkr cancel}: a running saga compensates; a settled or unknown one is a one-line refusal. */
class CancelIT {
  private static Forge forge;

  @BeforeAll
  static void start() throws Exception {
    forge = new Forge("cancel");
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  private static Cli.Run run(String... args) {
    return Cli.run(ShowIT.args(forge.connection(), args));
  }

  @Test
  void aRunningSagaCompensatesAndASecondCancelIsRefused() throws Exception {
    Saga waiting = forge.waiting();
    Cli.Run cancelled = run("cancel", waiting.getId(), "--reason", "the order was withdrawn");
    assertEquals(0, cancelled.exitCode(), cancelled.err());
    // Its one step was only queued, so nothing is left to undo: the saga compensates in the same transition.
    assertEquals(List.of("cancelled saga " + waiting.getId() + ": it is COMPENSATED (see brokkr show " + waiting.getId()
        + ")"), cancelled.outLines());
    SagaOutcome outcome = waiting.getOutcome().get(30, TimeUnit.SECONDS);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals(Optional.of(new SagaOutcome.Failure("", "the order was withdrawn")), outcome.failure());

    Cli.Run again = run("cancel", waiting.getId(), "--reason", "twice");
    assertEquals(1, again.exitCode());
    assertEquals(List.of("brokkr: saga " + waiting.getId() + " is COMPENSATED already; there is nothing to cancel"),
        again.errLines());
  }

  @Test
  void jsonTellsTheStatusAfterTheCancel() throws Exception {
    Saga waiting = forge.waiting();
    Cli.Run run = run("cancel", waiting.getId(), "--reason", "test", "--json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(waiting.getId(), json.get("sagaId").asText());
    assertTrue(List.of("COMPENSATING", "COMPENSATED").contains(json.get("status").asText()), run.out());
  }

  @Test
  void anUnknownSagaAndAMissingReasonAreOneLineEach() {
    Cli.Run unknown = run("cancel", "no-such-saga", "--reason", "r");
    assertEquals(1, unknown.exitCode());
    assertEquals(1, unknown.errLines().size(), unknown.err());
    assertTrue(unknown.err().startsWith("brokkr: no saga \"no-such-saga\" in namespace \"cancel\""), unknown.err());
    Cli.Run usage = run("cancel", "some-id");
    assertEquals(2, usage.exitCode());
    assertTrue(usage.err().contains("--reason"), usage.err());
  }
}
