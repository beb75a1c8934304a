package io.brokkr.runtime.internal.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When the sagas of a namespace may be dropped, as Redis expires them: a retention after they
 * settled, or after they were created if they are never started. A saga is stamped by the first
 * sweep after it was created or settled, so the retention counts on the sweeps' clock.
 */
final class Retention {
  private record Stamp(Instant at, String sagaId) {}

  private final Duration retention;
  private final Queue<String> unstamped = new ConcurrentLinkedQueue<>();
  private final Deque<Stamp> byTime = new ArrayDeque<>();
  private final Map<String, Instant> latest = new HashMap<>();

  Retention(Duration retention) {
    this.retention = retention;
  }

  /** The saga was created or settled: its retention starts at the next sweep. */
  void restart(String sagaId) {
    unstamped.add(sagaId);
  }

  /** The sagas whose retention, counted from their latest stamp, ended at {@code now}. */
  synchronized List<String> expired(Instant now) {
    for (String sagaId = unstamped.poll(); sagaId != null; sagaId = unstamped.poll()) {
      byTime.addLast(new Stamp(now, sagaId));
      latest.put(sagaId, now);
    }
    List<String> expired = new ArrayList<>();
    while (!byTime.isEmpty() && !byTime.peekFirst().at().plus(retention).isAfter(now)) {
      Stamp stamp = byTime.pollFirst();
      if (stamp.at().equals(latest.get(stamp.sagaId()))) {
        latest.remove(stamp.sagaId());
        expired.add(stamp.sagaId());
      }
    }
    return expired;
  }
}
