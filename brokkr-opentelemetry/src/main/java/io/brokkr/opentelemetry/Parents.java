package io.brokkr.opentelemetry;

import io.opentelemetry.context.Context;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parent contexts of stored carriers, remembered when a carrier is made here or extracted: the
 * attempts of one saga share its carrier, so most of them need no parsing. A fixed table indexed by
 * the carrier's hash; a newer carrier takes an older one's slot, so what it holds is bounded. Slots
 * are written and read without locks: an entry is immutable, and a lost write costs one extraction.
 */
final class Parents {
  /** Slots: a few thousand sagas between a saga's creation and its attempts still find theirs. */
  static final int SLOTS = 4096;

  private final @Nullable Entry[] slots = new Entry[SLOTS];

  /** {@return the context remembered for {@code carrier}; null when none is} */
  @Nullable Context of(Map<String, String> carrier) {
    Entry entry = slots[slot(carrier)];
    if (entry != null && (entry.carrier == carrier || entry.carrier.equals(carrier))) {
      return entry.context;
    }
    return null;
  }

  /** Remembers {@code context} as the parent of {@code carrier}, in place of what shared its slot. */
  void remember(Map<String, String> carrier, Context context) {
    slots[slot(carrier)] = new Entry(carrier, context);
  }

  private static int slot(Map<String, String> carrier) {
    int h = carrier.hashCode();
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private record Entry(Map<String, String> carrier, Context context) {}
}
