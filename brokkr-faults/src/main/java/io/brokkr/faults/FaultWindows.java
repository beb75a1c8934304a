package io.brokkr.faults;

import java.util.ArrayList;
import java.util.List;

/** The faults of a run as time windows, read from the suite's ledger events. */
final class FaultWindows {
  record Window(String kind, String target, long start, long end) {}

  private final List<Window> windows = new ArrayList<>();
  private final long settleMs;

  /**
   * The faults of {@code events}; a fault counts as near until {@code settleMs} after it ended,
   * the time clients take to reconnect and leases to run out once it healed.
   */
  FaultWindows(List<LedgerEvent> events, long settleMs) {
    this.settleMs = settleMs;
    LedgerEvent open = null;
    for (LedgerEvent e : events) {
      if (LedgerEvent.FAULT_START.equals(e.kind())) {
        open = e;
      } else if (LedgerEvent.FAULT_END.equals(e.kind()) && open != null) {
        windows.add(window(open, e.t()));
        open = null;
      }
    }
    if (open != null) {
      windows.add(window(open, Long.MAX_VALUE));
    }
  }

  private static Window window(LedgerEvent start, long end) {
    String[] parts = start.detail().split(" ");
    return new Window(parts[0], parts[1], start.t(), end);
  }

  private long after(Window w) {
    return w.end() == Long.MAX_VALUE ? w.end() : w.end() + settleMs;
  }

  List<Window> all() {
    return windows;
  }

  /**
   * Whether a fault of one of {@code kinds}, or one that lasted longer than {@code longerThanMs},
   * overlaps {@code [from, to]}, whatever its target.
   */
  boolean any(java.util.Set<FaultKind> kinds, long longerThanMs, long from, long to) {
    for (Window w : windows) {
      boolean excuses = kinds.contains(FaultKind.valueOf(w.kind())) || w.end() - w.start() > longerThanMs;
      if (w.start() <= to && after(w) >= from && excuses) {
        return true;
      }
    }
    return false;
  }

  /** Whether a fault that touches {@code node} (or every node) overlaps {@code [from, to]}. */
  boolean disturbed(String node, long from, long to) {
    for (Window w : windows) {
      if (w.start() <= to && after(w) >= from && (w.target().equals("all") || w.target().equals(node))) {
        return true;
      }
    }
    return false;
  }
}
