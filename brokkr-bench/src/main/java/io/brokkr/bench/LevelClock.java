package io.brokkr.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each level of a chain started, per saga: what each level adds to the latency. */
final class LevelClock {
  private final int levels;
  private final Map<String, long[]> starts = new ConcurrentHashMap<>();

  /** A clock of chains of {@code levels} steps; 0 records nothing. */
  LevelClock(int levels) {
    this.levels = levels;
  }

  int levels() {
    return levels;
  }

  void started(String sagaId, int level) {
    if (level < levels) {
      starts.computeIfAbsent(sagaId, id -> new long[levels])[level] = System.nanoTime();
    }
  }

  /**
   * The µs each level added to a saga started at {@code startNanos} whose outcome arrived at
   * {@code endNanos}: {@code levels + 1} entries, the last from the last step to the outcome.
   */
  long[] hops(String sagaId, long startNanos, long endNanos) {
    long[] at = starts.remove(sagaId);
    if (at == null) {
      throw new IllegalStateException("no chain step of saga " + sagaId + " was seen starting");
    }
    long[] hops = new long[levels + 1];
    long previous = startNanos;
    for (int level = 0; level < levels; level++) {
      hops[level] = (at[level] - previous) / 1000;
      previous = at[level];
    }
    hops[levels] = (endNanos - previous) / 1000;
    return hops;
  }
}
