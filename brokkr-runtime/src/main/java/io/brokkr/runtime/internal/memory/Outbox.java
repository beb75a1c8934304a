package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StoreEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The events of one saga, appended under its lock (a store call's together) and delivered after it
 * is released, in order:
 * whichever thread finds the outbox idle delivers everything queued, including what other threads
 * append meanwhile, so listeners never run under the lock and never see one saga's events reordered.
 * A read of the saga can wait until the events of what it read are delivered ({@link #awaitDelivered}),
 * as a Redis view's reads wait for their messages: a node completes an outcome from a read only once
 * its listeners were handed the settling.
 *
 * <p>A settled saga keeps its outbox for its retention, and every young collection copies the sagas
 * settled since the last: an idle outbox holds no object of its own (its counters are fields, its
 * queue a chain of the events not yet delivered).
 */
final class Outbox {
  /**
   * Past this, a read stops waiting: only a subscriber stuck in its {@code onEvent} delays a
   * delivery so long, and the read then shows what the store holds.
   */
  private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);
  /**
   * How many outboxes this thread is delivering: such a thread never waits for another's delivery,
   * since a subscriber's {@code onEvent} may act on other sagas (a node claims their steps), and two
   * threads delivering two sagas could each wait for the other.
   */
  private static final ThreadLocal<int[]> DELIVERING = ThreadLocal.withInitial(() -> new int[1]);

  private static final VarHandle WORK;
  private static final VarHandle WAITERS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      WORK = lookup.findVarHandle(Outbox.class, "work", int.class);
      WAITERS = lookup.findVarHandle(Outbox.class, "waiters", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** The events of one call waiting to be delivered, and the next call's. */
  private static final class Pending {
    final List<StoreEvent> events;
    @Nullable Pending next;

    Pending(List<StoreEvent> events) {
      this.events = events;
    }
  }

  /** The calls' events not delivered yet, oldest first; guarded by this outbox's monitor. */
  private @Nullable Pending first;
  private @Nullable Pending last;
  /** Deliveries asked for and not yet gone round: the thread that takes it from 0 delivers. */
  private volatile int work;
  /** Readers waiting in {@link #awaitDelivered}. */
  private volatile int waiters;
  private final Subscribers subscribers;
  /** Events added so far; written and read under the saga's lock. */
  private long added;
  /** Events handed to the subscribers so far; written only by the delivering thread. */
  private volatile long delivered;

  Outbox(Subscribers subscribers) {
    this.subscribers = subscribers;
  }

  /** Whether anyone wants the moves of its saga that settle nothing ({@link Subscribers#movesWanted}). */
  boolean movesWanted() {
    return subscribers.movesWanted();
  }

  /** Appends the events of one call, in their order; called under the saga's lock. */
  void add(List<StoreEvent> events) {
    added += events.size();
    Pending pending = new Pending(events);
    synchronized (this) {
      if (last == null) {
        first = pending;
      } else {
        last.next = pending;
      }
      last = pending;
    }
  }

  private synchronized @Nullable List<StoreEvent> poll() {
    Pending head = first;
    if (head == null) {
      return null;
    }
    first = head.next;
    if (first == null) {
      last = null;
    }
    return head.events;
  }

  /** How many events were added so far; called under the saga's lock, to wait for them after it. */
  long added() {
    return added;
  }

  void deliver() {
    if ((int) WORK.getAndAdd(this, 1) != 0) {
      return;
    }
    int[] delivering = DELIVERING.get();
    delivering[0]++;
    try {
      int missed = 1;
      do {
        List<StoreEvent> events;
        while ((events = poll()) != null) {
          for (StoreEvent event : events) {
            subscribers.onEvent(event);
            delivered++;
          }
          wakeWaiters();
        }
        missed = (int) WORK.getAndAdd(this, -missed) - missed;
      } while (missed != 0);
    } finally {
      delivering[0]--;
    }
  }

  /**
   * Returns once the first {@code count} events were handed to the subscribers: delivers them
   * itself if nobody is delivering, waits for the thread that is otherwise. A thread that is itself
   * delivering events does not wait.
   */
  void awaitDelivered(long count) {
    if (delivered >= count || DELIVERING.get()[0] > 0) {
      return;
    }
    // Nobody delivering: this thread delivers them. Somebody: it goes round once more for them.
    deliver();
    if (delivered >= count) {
      return;
    }
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    WAITERS.getAndAdd(this, 1);
    try {
      synchronized (this) {
        long left;
        while (delivered < count && (left = deadline - System.nanoTime()) > 0) {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      WAITERS.getAndAdd(this, -1);
    }
  }

  // A waiter counts itself before it reads `delivered` under the monitor, and the deliverer reads
  // the count after it wrote `delivered`: one of them sees the other's write, so no wake-up is lost.
  private void wakeWaiters() {
    if (waiters > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }
}
