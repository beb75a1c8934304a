package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QueryFigures on a small namespace: the figures' structure, and that every query returned the right sagas. */
class QueryFiguresTest {
  private static final int SAGAS = 300;

  @Test
  void measuresEveryQueryAndEachPageHoldsWhatItAskedFor(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("figures.json");
    QueryOptions options = QueryOptions.parse("--sagas", String.valueOf(SAGAS), "--json", json.toString());
    QueryReport report = QueryFigures.run(options, "test", new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    report.writeJson(json);

    Map<SagaStatus, Long> counts = report.counts();
    assertEquals(SagaMix.planned(SAGAS), counts);
    assertEquals(3, counts.get(SagaStatus.FAILED));
    assertEquals(Map.of(SagaMix.STOCK_WORKER, counts.get(SagaStatus.RUNNING)), report.stranded());

    for (QueryReport.Timed timed : report.timings()) {
      timed.asked().ifPresent(asked -> {
        List<SagaSummary> sagas = asked.page().sagas();
        for (SagaSummary saga : sagas) {
          assertTrue(asked.query().matches(saga), timed.key() + ": " + saga);
        }
        assertNewestFirst(timed.key(), sagas);
      });
    }
    SagaPage failed = page(report, "failed");
    assertEquals(counts.get(SagaStatus.FAILED), (long) failed.sagas().size());
    assertTrue(failed.sagas().stream().allMatch(s -> s.status() == SagaStatus.FAILED));
    assertTrue(failed.nextCursor().isEmpty());
    assertTrue(page(report, "name").sagas().stream().allMatch(s -> s.name().orElseThrow().equals(SagaMix.NAMES.get(0))));
    SagaPage waiting = page(report, "waitingOn");
    assertTrue(waiting.sagas().stream().allMatch(s -> s.status() == SagaStatus.RUNNING));
    assertEquals(counts.get(SagaStatus.RUNNING), (long) waiting.sagas().size());
    assertTrue(page(report, "none").sagas().isEmpty());
    // Created before the fill's middle: about half the sagas, how many exactly depends on the threads' pace.
    assertFalse(page(report, "createdBefore").sagas().isEmpty());
    for (String full : List.of("all", "name", "updatedAfter", "secondPage")) {
      assertEquals(50, page(report, full).sagas().size(), full);
    }

    SagaPage first = page(report, "all");
    SagaPage second = page(report, "secondPage");
    Set<String> firstIds = first.sagas().stream().map(SagaSummary::sagaId).collect(Collectors.toSet());
    assertTrue(second.sagas().stream().noneMatch(s -> firstIds.contains(s.sagaId())), "the second page repeats the first");
    List<SagaSummary> both = new ArrayList<>(first.sagas());
    both.addAll(second.sagas());
    assertNewestFirst("first and second page", both);

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(SAGAS, root.get("sagas").asInt());
    assertEquals(16, root.get("partitions").asInt());
    assertTrue(root.get("fillSeconds").asDouble() > 0);
    assertEquals(3, root.get("countSagas").get("FAILED").asLong());
    List<String> keys = new ArrayList<>();
    for (JsonNode timed : root.get("timings")) {
      keys.add(timed.get("key").asText());
      double median = timed.get("medianMs").asDouble();
      double p90 = timed.get("p90Ms").asDouble();
      assertTrue(median > 0 && median <= timed.get("maxMs").asDouble() && p90 <= timed.get("maxMs").asDouble(),
          timed.toString());
    }
    assertEquals(List.of("all", "failed", "name", "updatedAfter", "createdBefore", "waitingOn", "none", "secondPage",
        "countSagas", "strandedWorkers"), keys);
    JsonNode memory = root.get("memory");
    assertTrue(memory.get("bytesPerSaga").asDouble() > 0, memory.toString());
    assertTrue(memory.get("indexKeys").asInt() >= 16, memory.toString());
    double share = memory.get("indexShare").asDouble();
    assertTrue(share > 0 && share < 1, memory.toString());
  }

  @Test
  void badFlagsAreQuoted() {
    for (String[] args : List.of(new String[] {"--sagas", "none"}, new String[] {"--threads", "0"},
        new String[] {"--redis-url", "http://x"}, new String[] {"--runs", "3"})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> QueryOptions.parse(args));
      assertTrue(e.getMessage().contains(args[1]) || e.getMessage().contains(args[0]), e.getMessage());
    }
    assertFalse(QueryOptions.parse().help());
    assertEquals(100_000, QueryOptions.parse().sagas());
  }

  private static SagaPage page(QueryReport report, String key) {
    return report.timed(key).orElseThrow().asked().orElseThrow().page();
  }

  private static void assertNewestFirst(String what, List<SagaSummary> sagas) {
    for (int i = 1; i < sagas.size(); i++) {
      assertFalse(sagas.get(i).updatedAt().isAfter(sagas.get(i - 1).updatedAt()), what + " is not newest first at " + i);
    }
  }
}
