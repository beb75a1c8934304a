package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a node told first of a queue's head publishes on the worker's channel once its check runs:
 * the work its threads have not taken, nothing when they took it, one check a queue at a time. The
 * checks run on an executor that is shut down and awaited before the assertions, so each has run.
 */
class PassOnTest {
  private final KeyLayout keys = new KeyLayout("pass-on", 1);
  private final ReadyHeads heads = new ReadyHeads(1);
  private final List<String> published = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
  private final PassOn passOn = new PassOn(heads, keys, thread, (channel, text) -> published.add(channel + " " + text),
      Duration.ZERO);

  private static Entry entry(long sequence, String saga) {
    return Entry.parse("W\n" + String.format("%016d", sequence) + "\n" + saga + "\nstep").orElseThrow();
  }

  private void checksRan() throws InterruptedException {
    thread.shutdown();
    assertTrue(thread.awaitTermination(30, TimeUnit.SECONDS), "the checks ran");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void workItsThreadsHaveNotTakenGoesToTheWorkersChannelOnce() throws Exception {
    heads.track("W");
    Entry head = entry(5, "a");
    heads.learn("W", 0, 5, Optional.of(head));
    heads.announce(entry(6, "b"), 0);
    CountDownLatch busy = new CountDownLatch(1);
    thread.execute(() -> awaitQuietly(busy)); // the store's thread busy: the first check has not run yet
    passOn.toldFirst(head);
    passOn.toldFirst(entry(6, "b")); // the same queue: its check is pending already
    busy.countDown();
    checksRan();
    assertEquals(List.of(keys.workerChannel("W") + " " + head.raw()), published);
  }

  @Test
  void workBeingClaimedOrGoneIsNotPassedOn() throws Exception {
    heads.track("W");
    Entry head = entry(5, "a");
    heads.learn("W", 0, 5, Optional.of(head));
    assertEquals(Optional.of(head), heads.next("W"), "a thread claims the head");
    passOn.toldFirst(head);
    heads.track("V");
    heads.learn("V", 0, 7, Optional.empty());
    passOn.toldFirst(Entry.parse("V\n" + String.format("%016d", 7) + "\nc\nstep").orElseThrow());
    checksRan();
    assertEquals(List.of(), published, "a head being claimed, a queue found empty since");
  }
  @Test
  void aHandOverPassesOnAtOnceTheWorkWaitingForItsCheck() throws Exception {
    heads.track("W");
    Entry head = entry(5, "a");
    heads.learn("W", 0, 5, Optional.of(head));
    CountDownLatch busy = new CountDownLatch(1);
    thread.execute(() -> awaitQuietly(busy)); // the store's thread busy: the check waits
    passOn.toldFirst(head);
    passOn.handOver();
    assertEquals(List.of(keys.workerChannel("W") + " " + head.raw()), published, "passed on before the check ran");
    busy.countDown();
    checksRan();
    assertEquals(1, published.size(), "and not again by the check");
  }

  @Test
  void afterAHandOverWhatTheNodeIsToldFirstGoesOnAtOnceKnownOrNot() throws Exception {
    passOn.handOver();
    Entry head = entry(8, "d"); // not among this node's heads: its saga's message has not come yet
    passOn.toldFirst(head);
    assertEquals(List.of(keys.workerChannel("W") + " " + head.raw()), published);
    checksRan();
    assertEquals(1, published.size());
  }

  @Test
  void aHandOverPassesOnAHeadToldBeforeItsSagasMessageCame() throws Exception {
    heads.track("W");
    CountDownLatch busy = new CountDownLatch(1);
    thread.execute(() -> awaitQuietly(busy));
    Entry head = entry(9, "e"); // told first, not yet among this node's heads
    passOn.toldFirst(head);
    passOn.handOver();
    busy.countDown();
    checksRan();
    assertEquals(List.of(keys.workerChannel("W") + " " + head.raw()), published);
  }
}
