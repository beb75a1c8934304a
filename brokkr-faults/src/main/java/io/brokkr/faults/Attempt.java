package io.brokkr.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One attempt of a step (or a compensator) as the ledger shows it: its start, and its end if the
 * process lived to record one.
 */
record Attempt(LedgerEvent start, Optional<LedgerEvent> end) {

  /** Pairs every start with the first end after it of the same attempt in the same process. */
  static List<Attempt> pair(List<LedgerEvent> events, String startKind, String endKind) {
    List<Attempt> attempts = new ArrayList<>();
    for (LedgerEvent s : events) {
      if (!startKind.equals(s.kind())) {
        continue;
      }
      Optional<LedgerEvent> end = events.stream()
          .filter(e -> endKind.equals(e.kind()) && e.pid() == s.pid() && e.attempt() == s.attempt() && e.t() >= s.t())
          .findFirst();
      attempts.add(new Attempt(s, end));
    }
    return attempts;
  }

  long startTime() {
    return start.t();
  }

  /** When the attempt ended, or never if no end was recorded (its process died, or it hangs). */
  long endTime() {
    return end.map(LedgerEvent::t).orElse(Long.MAX_VALUE);
  }

  boolean succeeded() {
    return end.map(e -> Boolean.TRUE.equals(e.ok())).orElse(false);
  }

  /** Whether the attempt said it did nothing: its body failed on purpose. */
  boolean explicitlyFailed() {
    return end.map(e -> Boolean.FALSE.equals(e.ok())).orElse(false);
  }

  String node() {
    return start.node();
  }
}
