package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code brokkr watch}: the transitions a node makes, seen by the CLI's own node as they happen. */
class WatchIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Forge forge;

  @BeforeAll
  static void start() throws Exception {
    forge = new Forge("watched");
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void watchesOneSagaUntilItSettles() throws Exception {
    Saga saga = forge.waiting();
    try (Cli.Started watch = Cli.start(Map.of(), ShowIT.args(forge.connection(), "watch", "--json", saga.getId()))) {
      watch.await(watch.err, l -> l.startsWith("watching namespace \"watched\""), "saying it watches");
      assertTrue(saga.stepFinished(saga.getSteps().get(0).getId(), "tempered"));
      assertTrue(watch.process.waitFor(Cli.DEADLINE.toSeconds(), TimeUnit.SECONDS), "watch ends when the saga settles");
      watch.join();
      assertEquals(0, watch.process.exitValue(), watch.err());
      List<JsonNode> lines = watch.out.stream().map(WatchIT::json).toList();
      JsonNode first = lines.get(0);
      assertEquals(saga.getId(), first.get("saga").asText());
      assertTrue(first.get("from").isNull() && first.get("step").isNull());
      assertEquals("RUNNING", first.get("to").asText());
      String stepId = saga.getSteps().get(0).getId();
      assertTrue(lines.stream().anyMatch(l -> l.get("step").asText("").equals(stepId)
          && l.get("from").asText().equals("QUEUED") && l.get("to").asText().equals("FINISHED")), watch.out.toString());
      JsonNode last = lines.get(lines.size() - 1);
      assertTrue(last.get("step").isNull());
      assertEquals("RUNNING", last.get("from").asText());
      assertEquals("FINISHED", last.get("to").asText());
      lines.forEach(l -> assertEquals(saga.getId(), l.get("saga").asText()));
    }
  }

  @Test
  void aSettledSagaIsShownAndTheWatchEnds() throws Exception {
    SagaOutcome outcome = forge.hammer("ThunderBestowed");
    Cli.Run run = Cli.run(ShowIT.args(forge.connection(), "watch", outcome.sagaId()));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(1, run.outLines().size(), run.out());
    assertTrue(run.out().matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  " + outcome.sagaId() + "  saga  now FINISHED\n"), run.out());
  }

  @Test
  void watchesEverySagaOfTheNamespaceUntilStopped() throws Exception {
    try (Cli.Started watch = Cli.start(Map.of(), ShowIT.args(forge.connection(), "watch"))) {
      watch.await(watch.err, l -> l.startsWith("watching namespace \"watched\""), "saying it watches");
      List<String> ids = new ArrayList<>();
      ids.add(forge.hammer("ThunderBestowed").sagaId());
      ids.add(forge.hammer("brittle").sagaId());
      watch.await(watch.out, l -> l.endsWith(ids.get(0) + "  saga  RUNNING -> FINISHED"), "of the first saga's end");
      watch.await(watch.out, l -> l.endsWith(ids.get(1) + "  step hammer  RUNNING -> FAILED"), "of the second saga's failed step");
      watch.await(watch.out, l -> l.endsWith(ids.get(1) + "  saga  COMPENSATING -> COMPENSATED"), "of the second saga's end");
      assertTrue(watch.process.isAlive(), "it watches on");
    }
  }
}
