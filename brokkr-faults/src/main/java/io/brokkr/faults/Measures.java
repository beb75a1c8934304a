package io.brokkr.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Times read from the ledger for the report. */
final class Measures {
  private Measures() {}

  /** The longest time from the end of a fault to the next step or compensator that succeeded. */
  static long worstRecoveryMs(List<LedgerEvent> events) {
    long worst = 0;
    for (FaultWindows.Window w : new FaultWindows(events, 0).all()) {
      for (LedgerEvent e : events) {
        boolean progress = (LedgerEvent.STEP_END.equals(e.kind()) || LedgerEvent.COMPENSATE_END.equals(e.kind()))
            && Boolean.TRUE.equals(e.ok());
        if (progress && e.t() >= w.end()) {
          worst = Math.max(worst, e.t() - w.end());
          break;
        }
      }
    }
    return worst;
  }

  /** Sagas abandoned while the suite built them, counted by why (exception type and the start of its message). */
  static Map<String, Long> abandoned(List<LedgerEvent> events) {
    Map<String, Long> byWhy = new java.util.TreeMap<>();
    for (LedgerEvent e : events) {
      if (LedgerEvent.SAGA_ABANDONED.equals(e.kind())) {
        String why = e.detail().length() > 120 ? e.detail().substring(0, 120) + "..." : e.detail();
        byWhy.merge(why, 1L, Long::sum);
      }
    }
    return byWhy;
  }

  /** The longest time from a saga's start to its last ledger event. */
  static long worstSagaMs(List<LedgerEvent> events) {
    Map<String, long[]> span = new HashMap<>();
    for (LedgerEvent e : events) {
      if (e.saga() == null) {
        continue;
      }
      if (LedgerEvent.SAGA_STARTED.equals(e.kind())) {
        span.computeIfAbsent(e.saga(), k -> new long[] {e.t(), e.t()})[0] = e.t();
      } else {
        span.computeIfAbsent(e.saga(), k -> new long[] {e.t(), e.t()})[1] = e.t();
      }
    }
    return span.values().stream().mapToLong(s -> Math.max(0, s[1] - s[0])).max().orElse(0);
  }
}
