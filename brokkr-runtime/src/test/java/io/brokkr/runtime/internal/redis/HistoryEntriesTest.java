package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A history entry's time reads the same whether stored as text (as now) or as a number (before); an
 * attempt 0 is left out (as now) or written (before).
 */
class HistoryEntriesTest {
  private static final HistoryEntry CLAIMED = new HistoryEntry(Instant.ofEpochMilli(1_764_740_000_123L),
      HistoryEntry.Kind.STEP_MOVED, Optional.of("head"), Optional.of("QUEUED"), Optional.of("RUNNING"),
      Optional.of("node-1"), 1, 7, Optional.empty(), Optional.empty());

  @Test
  void aTimeStoredAsTextOrAsANumberReadsTheSame() {
    String asText = "{\"y\":\"T\",\"s\":\"head\",\"f\":\"QUEUED\",\"o\":\"RUNNING\",\"a\":1,\"n\":\"node-1\",\"k\":7,"
        + "\"t\":\"1764740000123\"}";
    String asNumber = asText.replace("\"1764740000123\"", "1764740000123");

    assertEquals(List.of(CLAIMED, CLAIMED), HistoryEntries.decode(List.of(asText, asNumber)));
  }

  @Test
  void anEntryWithoutItsAttemptIsOfAttemptZero() {
    HistoryEntry queued = new HistoryEntry(Instant.ofEpochMilli(1_764_740_000_123L), HistoryEntry.Kind.STEP_MOVED,
        Optional.of("head"), Optional.of("CREATED"), Optional.of("QUEUED"), Optional.empty(), 0, 0, Optional.empty(),
        Optional.empty());
    String withoutAttempt = "{\"y\":\"T\",\"s\":\"head\",\"f\":\"CREATED\",\"o\":\"QUEUED\",\"t\":\"1764740000123\"}";
    String withAttempt = withoutAttempt.replace("\"t\"", "\"a\":0,\"t\"");

    assertEquals(List.of(queued, queued), HistoryEntries.decode(List.of(withoutAttempt, withAttempt)));
  }
}
