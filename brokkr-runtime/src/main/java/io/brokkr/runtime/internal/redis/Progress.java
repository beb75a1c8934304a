package io.brokkr.runtime.internal.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How far this node's listeners got in each saga's events, so that a read of a saga can wait for the
 * events of what it read: a node whose listeners have not yet seen a saga settle does not show it
 * settled (the engine completes a saga's outcome from a read, and its listeners must have seen
 * every transition by then). A node waits only for messages it knows will reach it: those its own
 * transitions published and those of sagas it already received messages of; the events of sagas
 * that moved before the node subscribed never come.
 */
final class Progress {
  private static final int MAX_SAGAS = 100_000;
  /**
   * Past this, a message is taken as lost: reads stop waiting for it. Pub/sub loses messages only
   * when the subscription breaks, and then {@link #forgetAll()} ends the waits at once; so this only
   * bounds a wait behind a slow delivery thread, which on a loaded machine can lag for seconds.
   */
  static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

  /** Per saga: the first message number known to reach this node, and the last one delivered. */
  private final Map<String, long[]> sagas = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
      return size() > MAX_SAGAS;
    }
  };

  /** Message {@code number} of the saga reaches this node (it was received, or published since). */
  synchronized void willArrive(String sagaId, long number) {
    long[] saga = sagas.computeIfAbsent(sagaId, s -> new long[] {number, number - 1});
    saga[0] = Math.min(saga[0], number);
  }

  synchronized void delivered(String sagaId, long number) {
    long[] saga = sagas.computeIfAbsent(sagaId, s -> new long[] {number, number});
    saga[1] = Math.max(saga[1], number);
    notifyAll();
  }

  /** The subscription was broken and renewed: messages of the gap never come, so nothing is awaited. */
  synchronized void forgetAll() {
    sagas.clear();
    notifyAll();
  }

  /** Waits until the listeners got message {@code number} of the saga, if it is known to come. */
  synchronized void await(String sagaId, long number) {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    long[] saga;
    while ((saga = sagas.get(sagaId)) != null && number >= saga[0] && saga[1] < number) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        saga[1] = number;
        return;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
