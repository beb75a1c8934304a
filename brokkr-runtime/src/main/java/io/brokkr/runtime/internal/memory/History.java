package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.HistoryEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A saga's timeline, the newest {@link HistoryEntry#LIMIT} entries; guarded by its saga's lock. */
final class History {
  private final Deque<HistoryEntry> entries = new ArrayDeque<>();

  void add(HistoryEntry entry) {
    if (entries.size() == HistoryEntry.LIMIT) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  List<HistoryEntry> entries() {
    return List.copyOf(entries);
  }
}
