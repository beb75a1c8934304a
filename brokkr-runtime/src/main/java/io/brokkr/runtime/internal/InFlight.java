package io.brokkr.runtime.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The attempts of this node whose bodies were handed to the executor and have not returned. */
final class InFlight {
  private final Set<Attempt> attempts = ConcurrentHashMap.newKeySet();
  /** Whether a drain waits: only then does a removal take the monitor to wake it. */
  private volatile boolean awaited;

  void add(Attempt attempt) {
    attempts.add(attempt);
  }

  int size() {
    return attempts.size();
  }

  void remove(Attempt attempt) {
    if (attempts.remove(attempt) && awaited) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Waits until no attempt is in flight, or {@code timeout} passed; returns those still in flight. */
  List<Attempt> awaitEmpty(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    awaited = true;
    synchronized (this) {
      long left;
      while (!attempts.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return List.copyOf(attempts);
  }
}
