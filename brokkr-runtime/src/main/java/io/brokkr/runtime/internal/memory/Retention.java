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
 * ({@link MemorySaga#retainedFrom}), not in a map beside it, and the stamps are kept by sweep (its
 * time and an array of the ids it stamped), not as an object a saga: a settled saga stays for its
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

  /** The sagas one sweep stamped, at its time. */
  private record Sweep(Instant at, String[] sagaIds) {}

  private static final String[] NONE = new String[0];

  private final Duration retention;
  /**
   * The sagas created or settled since the last sweep: the sagas themselves, not their ids, so that
   * the sweep stamps each without looking it up in the namespace's map (a lookup a saga, in memory
   * other cores wrote). A saga is dropped only once stamped, and not while it waits here (the sweep
   * that would drop it stamps it first), so each is still the namespace's.
   */
  private final Queue<MemorySaga> unstamped = new ConcurrentLinkedQueue<>();
  /** The sweeps that stamped a saga, oldest first. */
  private final Deque<Sweep> sweeps = new ArrayDeque<>();

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
    List<String> stamped = new ArrayList<>();
    for (MemorySaga saga = unstamped.poll(); saga != null; saga = unstamped.poll()) {
      saga.retainedFrom(now);
      stamped.add(saga.id());
    }
    if (!stamped.isEmpty()) {
      sweeps.addLast(new Sweep(now, stamped.toArray(NONE)));
    }
    List<Stamp> expired = new ArrayList<>();
    while (!sweeps.isEmpty() && !sweeps.peekFirst().at().plus(retention).isAfter(now)) {
      Sweep sweep = sweeps.pollFirst();
      for (String sagaId : sweep.sagaIds()) {
        expired.add(new Stamp(sweep.at(), sagaId));
      }
    }
    return expired;
  }
}
