package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thread delivering a saga's events never waits for another's delivery: a subscriber acts on other
 * sagas (a node claims their steps), so two threads delivering two sagas could each wait for the other.
 */
class OutboxTest {

  @Test
  void twoDeliveriesThatReadEachOthersSagaDoNotWaitForEachOther() throws Exception {
    Outbox[] outboxes = new Outbox[2];
    CyclicBarrier bothDelivering = new CyclicBarrier(2);
    List<String> delivered = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 2; i++) {
      int other = 1 - i;
      StoreListener readsTheOther = event -> {
        try {
          // Both threads are inside a delivery before either reads the other saga.
          bothDelivering.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        outboxes[other].awaitDelivered(2);
        delivered.add(((StoreEvent.SagaMoved) event).sagaId() + " " + ((StoreEvent.SagaMoved) event).to());
      };
      outboxes[i] = new Outbox(Subscribers.of(readsTheOther));
      outboxes[i].add(List.of(new StoreEvent.SagaMoved("s" + i, SagaStatus.CREATED, SagaStatus.RUNNING)));
      outboxes[i].add(List.of(new StoreEvent.SagaMoved("s" + i, SagaStatus.RUNNING, SagaStatus.FINISHED)));
    }
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = threads.submit(outboxes[0]::deliver);
      Future<?> second = threads.submit(outboxes[1]::deliver);
      // Waiting for each other, they would stay stuck for the outbox's patience (30 s).
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    assertEquals(List.of("s0 FINISHED", "s0 RUNNING", "s1 FINISHED", "s1 RUNNING"), delivered.stream().sorted().toList());
  }
}
