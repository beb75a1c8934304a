package io.brokkr.runtime.internal.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * When the sagas of a namespace may be dropped, as Redis expires them: a retention after they
 * settled, or after they were created if they are never started. A saga is stamped by the first
 * sweep after it settled, or after it was created unless it was started in the same call, so the
 * retention counts on the sweeps' clock. Its latest stamp is kept on the saga itself
 * ({@link MemorySaga#retainedFrom}), not in a map beside it: a settled saga stays for its
 * retention, and every young collection copies the sagas settled since the last.
 */
final class Retention {
  /** A saga's retention counted from {@code at}; stale once the saga was stamped again. */
  record Stamp(Instant at, String sagaId) {
    /** Whether this is {@code saga}'s latest stamp. */
    boolean isLatestOf(MemorySaga saga) {
      return at.equals(saga.retainedFrom());
    }
  }

  private final Duration retention;
  private final Queue<MemorySaga> unstamped = new ConcurrentLinkedQueue<>();
  private final Deque<Stamp> byTime = new ArrayDeque<>();

  Retention(Duration retention) {
    this.retention = retention;
  }

  /** The saga was created or settled: its retention starts at the next sweep. */
  void restart(MemorySaga saga) {
    unstamped.add(saga);
  }

  /**
   * Stamps the sagas created or settled since the last call with {@code now}, then returns the
   * stamps whose retention ended at {@code now}: those still the latest of their saga
   * ({@link Stamp#isLatestOf}) end its retention.
   */
  synchronized List<Stamp> expired(Instant now) {
    for (MemorySaga saga = unstamped.poll(); saga != null; saga = unstamped.poll()) {
      saga.retainedFrom(now);
      byTime.addLast(new Stamp(now, saga.id()));
    }
    List<Stamp> expired = new ArrayList<>();
    while (!byTime.isEmpty() && !byTime.peekFirst().at().plus(retention).isAfter(now)) {
      expired.add(byTime.pollFirst());
    }
    return expired;
  }
}
