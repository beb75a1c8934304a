package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.OperatorAction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A saga's timeline, the newest {@link HistoryEntry#LIMIT} entries; guarded by its saga's lock. The
 * entries are kept as lines of nullable fields and made {@link HistoryEntry}s when read: a settled
 * saga keeps its history for days, and an {@code Optional} per field was a quarter of its memory.
 */
final class History {
  private final Deque<Line> lines = new ArrayDeque<>();

  /** An entry as kept; {@link HistoryEntry} says what each field means. */
  private record Line(Instant at, HistoryEntry.Kind kind, @Nullable String stepId, @Nullable String from,
      @Nullable String to, @Nullable String nodeId, int attempt, long token, @Nullable String reason,
      @Nullable OperatorAction action) {
    HistoryEntry entry() {
      return new HistoryEntry(at, kind, Optional.ofNullable(stepId), Optional.ofNullable(from), Optional.ofNullable(to),
          Optional.ofNullable(nodeId), attempt, token, Optional.ofNullable(reason), Optional.ofNullable(action));
    }
  }

  /** A move of the saga (no step) or of a step; its node and token only where it holds a lease. */
  void move(Instant at, HistoryEntry.Kind kind, @Nullable String stepId, @Nullable String from, String to,
      @Nullable String nodeId, int attempt, long token, @Nullable String reason) {
    add(new Line(at, kind, stepId, from, to, nodeId, attempt, token, reason, null));
  }

  /** An operator's action. */
  void action(Instant at, OperatorAction action) {
    add(new Line(at, HistoryEntry.Kind.ACTION, action.stepId().orElse(null), null, null, null, 0, 0, null, action));
  }

  private void add(Line line) {
    if (lines.size() == HistoryEntry.LIMIT) {
      lines.removeFirst();
    }
    lines.addLast(line);
  }

  List<HistoryEntry> entries() {
    List<HistoryEntry> entries = new ArrayList<>(lines.size());
    for (Line line : lines) {
      entries.add(line.entry());
    }
    return List.copyOf(entries);
  }
}
