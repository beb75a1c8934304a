package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The events of one saga, appended under its lock and delivered after it is released, in order:
 * whichever thread finds the outbox idle delivers everything queued, including what other threads
 * append meanwhile, so listeners never run under the lock and never see one saga's events reordered.
 */
final class Outbox {
  private final Queue<StoreEvent> events = new ConcurrentLinkedQueue<>();
  private final AtomicInteger work = new AtomicInteger();
  private final StoreListener subscribers;

  Outbox(StoreListener subscribers) {
    this.subscribers = subscribers;
  }

  void add(StoreEvent event) {
    events.add(event);
  }

  void deliver() {
    if (work.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    do {
      StoreEvent event;
      while ((event = events.poll()) != null) {
        subscribers.onEvent(event);
      }
      missed = work.addAndGet(-missed);
    } while (missed != 0);
  }
}
