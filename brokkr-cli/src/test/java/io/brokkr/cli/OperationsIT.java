package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code brokkr list}, {@code count}, {@code nodes} and {@code stranded} on a namespace where a node
 * ran a hammer saga that finished, one that compensated, and left a saga waiting on a worker no
 * node hosts.
 */
class OperationsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Forge forge;
  private static SagaOutcome finished;
  private static SagaOutcome compensated;
  private static Saga waiting;

  @BeforeAll
  static void start() throws Exception {
    forge = new Forge("ops");
    finished = forge.hammer("ThunderBestowed");
    compensated = forge.hammer("brittle");
    assertEquals(SagaStatus.COMPENSATED, compensated.status());
    waiting = forge.waiting();
  }

  @AfterAll
  static void stop() {
    forge.close();
  }

  private static Cli.Run ok(String... args) {
    Cli.Run run = Cli.run(ShowIT.args(forge.connection(), args));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    return run;
  }

  private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

  @Test
  void listsTheSagasNewestChangeFirst() {
    List<String> lines = ok("list").outLines();
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("ID +NAME +STATUS +CREATED +UPDATED"), lines.get(0));
    assertTrue(lines.get(1).matches(waiting.getId() + " +- +RUNNING +" + TIME + " +" + TIME), lines.get(1));
    assertTrue(lines.get(2).matches(compensated.sagaId() + " +Hammer +COMPENSATED +" + TIME + " +" + TIME), lines.get(2));
    assertTrue(lines.get(3).matches(finished.sagaId() + " +Hammer +FINISHED +" + TIME + " +" + TIME), lines.get(3));
  }

  @Test
  void filtersByStatusNameAndChange() {
    List<String> failed = ok("list", "--status", "compensated,failed").outLines();
    assertEquals(2, failed.size(), failed.toString());
    assertTrue(failed.get(1).startsWith(compensated.sagaId() + " "), failed.get(1));
    assertEquals(3, ok("list", "--name", "Hammer").outLines().size());
    assertEquals(4, ok("list", "--since", "1h").outLines().size());
    assertEquals(List.of("no sagas match in namespace \"ops\""), ok("list", "--name", "Anvil").outLines());
  }

  @Test
  void pagesEndWithTheCursorOfTheNext() throws Exception {
    List<String> first = ok("list", "--limit", "2").outLines();
    assertEquals(4, first.size(), first.toString());
    String last = first.get(3);
    assertTrue(last.startsWith("more sagas match: the next page is --cursor "), last);
    String cursor = last.substring(last.lastIndexOf(' ') + 1);
    List<String> second = ok("list", "--limit", "2", "--cursor", cursor).outLines();
    assertEquals(2, second.size(), second.toString());
    assertTrue(second.get(1).startsWith(finished.sagaId() + " "), second.get(1));

    JsonNode page = JSON.readTree(ok("list", "--json", "--limit", "2").out());
    assertEquals(cursor, page.get("nextCursor").asText());
    assertEquals(waiting.getId(), page.get("sagas").get(0).get("id").asText());
    assertTrue(page.get("sagas").get(0).get("name").isNull());
    JsonNode hammer = page.get("sagas").get(1);
    assertEquals(compensated.sagaId(), hammer.get("id").asText());
    assertEquals("Hammer", hammer.get("name").asText());
    assertEquals("COMPENSATED", hammer.get("status").asText());
    assertTrue(hammer.get("createdAt").asText().matches("\\d{4}-.*Z"), hammer.toString());
    JsonNode end = JSON.readTree(ok("list", "--json", "--limit", "2", "--cursor", cursor).out());
    assertTrue(end.get("nextCursor").isNull());
    assertEquals(1, end.get("sagas").size());
  }

  @Test
  void aMalformedCursorIsAUsageError() {
    Cli.Run run = Cli.run(ShowIT.args(forge.connection(), "list", "--cursor", "page-2"));
    assertEquals(2, run.exitCode());
    assertEquals(List.of("brokkr list: Invalid value for option '--cursor': \"page-2\" is not a cursor of brokkr list"
        + " (see brokkr list --help)"), run.errLines());
  }

  @Test
  void countsEveryStatus() throws Exception {
    List<String> lines = ok("count").outLines();
    assertEquals(List.of("STATUS        COUNT", "CREATED       0", "RUNNING       1", "FINISHED      1", "COMPENSATING  0",
        "COMPENSATED   1", "FAILED        0", "TOTAL         3"), lines);
    JsonNode counts = JSON.readTree(ok("count", "--json").out());
    assertEquals(1, counts.get("counts").get("COMPENSATED").asLong());
    assertEquals(0, counts.get("counts").get("FAILED").asLong());
    assertEquals(3, counts.get("total").asLong());
  }

  @Test
  void listsTheLiveNodesButNotItsOwn() throws Exception {
    List<String> lines = ok("nodes").outLines();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("NODE +HOST +WORKERS +RUNNING/CONCURRENCY +LAST SEEN"), lines.get(0));
    assertTrue(lines.get(1).matches("[0-9a-f-]{36} +\\S+ +Charge, HammerFactory, HammerHeadDestroyer, HammerHeadFactory,"
        + " HandleFactory, Refund, Ship +0/8 +\\d+s ago"), lines.get(1));
    JsonNode nodes = JSON.readTree(ok("nodes", "--json").out()).get("nodes");
    assertEquals(1, nodes.size());
    JsonNode node = nodes.get(0);
    assertEquals("[\"Charge\",\"HammerFactory\",\"HammerHeadDestroyer\",\"HammerHeadFactory\",\"HandleFactory\","
        + "\"Refund\",\"Ship\"]",
        node.get("workers").toString());
    assertEquals(8, node.get("concurrency").asInt());
    assertEquals(0, node.get("runningAttempts").asInt());
    assertTrue(node.get("lastSeen").asText().endsWith("Z"), node.toString());
  }

  @Test
  void listsTheWorkersNoNodeHostsWithTheirSagas() throws Exception {
    List<String> lines = ok("stranded").outLines();
    assertEquals(2, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("WORKER +READY STEPS +SAGAS"), lines.get(0));
    assertTrue(lines.get(1).matches("Tempering +1 +" + waiting.getId()), lines.get(1));
    JsonNode stranded = JSON.readTree(ok("stranded", "--json").out()).get("stranded");
    assertEquals(1, stranded.size());
    assertEquals("Tempering", stranded.get(0).get("worker").asText());
    assertEquals(1, stranded.get(0).get("readySteps").asLong());
    assertEquals("[\"" + waiting.getId() + "\"]", stranded.get(0).get("sagas").toString());
  }

  @Test
  void noStrandedWorkIsExitCode0() throws Exception {
    List<String> connection = List.of("--redis", forge.server.uri(), "--namespace", "calm");
    Cli.Run run = Cli.run(ShowIT.args(connection, "stranded"));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("no stranded work in namespace \"calm\""), run.outLines());
    Cli.Run json = Cli.run(ShowIT.args(connection, "stranded", "--json"));
    assertEquals("[]", JSON.readTree(json.out()).get("stranded").toString());
  }
}
