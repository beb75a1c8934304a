package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code brokkr show} on sagas a node ran on a real redis-server. */
class ShowIT {
  private static Forge forge;

  @BeforeAll
  static void start() throws Exception {
    forge = new Forge("forge");
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  static String[] args(List<String> connection, String... more) {
    List<String> all = new ArrayList<>(List.of(more));
    all.addAll(connection);
    return all.toArray(String[]::new);
  }

  @Test
  void showsAFinishedSagaAsATreeOfSteps() throws Exception {
    SagaOutcome outcome = forge.hammer("ThunderBestowed");
    Cli.Run run = Cli.run(args(forge.connection(), "show", outcome.sagaId()));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    assertEquals(List.of(
        "saga " + outcome.sagaId() + "  FINISHED  (namespace forge, 3 steps)",
        "STEP                          STATUS    ATTEMPTS  WORKER               DEPENDS ON    FAILURE",
        "+- head                       FINISHED  1         HammerHeadFactory",
        "|  `- undo: head/compensator  SKIPPED   0         HammerHeadDestroyer  head",
        "+- handle                     FINISHED  1         HandleFactory",
        "`- hammer                     FINISHED  1         HammerFactory        head, handle"),
        run.outLines());
  }

  @Test
  void showsWhyACompensatedSagaFailed() throws Exception {
    SagaOutcome outcome = forge.hammer("brittle");
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    Cli.Run run = Cli.run(args(forge.connection(), "show", outcome.sagaId()));
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.outLines();
    assertEquals("saga " + outcome.sagaId() + "  COMPENSATED  (namespace forge, 3 steps)", lines.get(0));
    assertEquals("failed at step hammer: IllegalStateException: the head cracked", lines.get(1));
    assertTrue(lines.get(4).matches("\\|  `- undo: head/compensator +FINISHED +1 +HammerHeadDestroyer +head"), lines.get(4));
    assertTrue(lines.get(6).matches("`- hammer +FAILED +3 +HammerFactory +head, handle +IllegalStateException: the head cracked"),
        lines.get(6));
  }

  @Test
  void printsJsonWithStableFieldNames() throws Exception {
    SagaOutcome outcome = forge.hammer("brittle");
    Cli.Run run = Cli.run(args(forge.connection(), "show", "--json", outcome.sagaId()));
    assertEquals(0, run.exitCode(), run.err());
    JsonNode saga = new ObjectMapper().readTree(run.out());
    assertEquals(outcome.sagaId(), saga.get("id").asText());
    assertEquals("forge", saga.get("namespace").asText());
    assertEquals("COMPENSATED", saga.get("status").asText());
    assertEquals("hammer", saga.get("failure").get("step").asText());
    JsonNode head = saga.get("steps").get(0);
    assertEquals("head", head.get("id").asText());
    assertEquals("HammerHeadFactory", head.get("worker").asText());
    assertEquals("COMPENSATED", head.get("status").asText());
    assertTrue(head.get("failureReason").isNull());
    assertEquals("FINISHED", head.get("compensator").get("status").asText());
    assertEquals("[\"head\"]", head.get("compensator").get("dependsOn").toString());
    JsonNode hammer = saga.get("steps").get(2);
    assertEquals(3, hammer.get("attempts").asInt());
    assertEquals("[\"head\",\"handle\"]", hammer.get("dependsOn").toString());
    assertEquals("IllegalStateException: the head cracked", hammer.get("failureReason").asText());
    assertTrue(hammer.get("compensator").isNull());
  }

  @Test
  void anUnknownSagaIsOneLineAndExitCode1() {
    Cli.Run run = Cli.run(args(forge.connection(), "show", "no-such-saga"));
    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(List.of("brokkr: no saga \"no-such-saga\" in namespace \"forge\" on " + forge.server.uri()), run.errLines());
  }

  @Test
  void aNamespaceWithNoSagasNamesTheNamespace() {
    Cli.Run run = Cli.run(args(List.of("--redis", forge.server.uri(), "--namespace", "empty"), "show", "some-saga"));
    assertEquals(1, run.exitCode());
    assertEquals(List.of("brokkr: no saga \"some-saga\" in namespace \"empty\" on " + forge.server.uri()), run.errLines());
  }
}
