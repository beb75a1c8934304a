package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The events of one saga, appended under its lock and delivered after it is released, in order:
 * whichever thread finds the outbox idle delivers everything queued, including what other threads
 * append meanwhile, so listeners never run under the lock and never see one saga's events reordered.
 * A read of the saga can wait until the events of what it read are delivered ({@link #awaitDelivered}),
 * as a Redis view's reads wait for their messages: a node completes an outcome from a read only once
 * its listeners were handed the settling.
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

  private final Queue<StoreEvent> events = new ConcurrentLinkedQueue<>();
  private final AtomicInteger work = new AtomicInteger();
  private final AtomicInteger waiters = new AtomicInteger();
  private final StoreListener subscribers;
  /** Events added so far; written and read under the saga's lock. */
  private long added;
  /** Events handed to the subscribers so far; written only by the delivering thread. */
  private volatile long delivered;

  Outbox(StoreListener subscribers) {
    this.subscribers = subscribers;
  }

  /** Appends an event; called under the saga's lock. */
  void add(StoreEvent event) {
    added++;
    events.add(event);
  }

  /** How many events were added so far; called under the saga's lock, to wait for them after it. */
  long added() {
    return added;
  }

  void deliver() {
    if (work.getAndIncrement() != 0) {
      return;
    }
    int[] delivering = DELIVERING.get();
    delivering[0]++;
    try {
      int missed = 1;
      do {
        StoreEvent event;
        while ((event = events.poll()) != null) {
          subscribers.onEvent(event);
          delivered++;
          wakeWaiters();
        }
        missed = work.addAndGet(-missed);
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
    waiters.incrementAndGet();
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
      waiters.decrementAndGet();
    }
  }

  // A waiter counts itself before it reads `delivered` under the monitor, and the deliverer reads
  // the count after it wrote `delivered`: one of them sees the other's write, so no wake-up is lost.
  private void wakeWaiters() {
    if (waiters.get() > 0) {
      synchronized (this) {
        notifyAll();
      }
    }
  }
}
