package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The node's callback threads: completions run off the caller's thread, queued ones in turn on one
 * thread, and one that blocks (on another saga's outcome, say), or a backlog of slow ones, holds the
 * others up only for a stall or two.
 */
class CallbackLaneTest {
  /** How long a test waits for what must happen: a bound on a hang, not a measured time. */
  private static final long PATIENCE_SECONDS = 30;
  private static final Duration NEVER = Duration.ofHours(1);
  private static final Duration SHORT_STALL = Duration.ofMillis(10);

  private final Timers watch = new Timers(Clock.systemUTC(), "lane-test", "watch");

  @AfterEach
  void close() {
    watch.close();
  }

  @Test
  void completionsQueuedBehindARunningOneRunInTurnOnTheLanesThread() throws Exception {
    CallbackLane lane = new CallbackLane("lane-test-callback", watch, NEVER);
    CountDownLatch gate = new CountDownLatch(1);
    Thread gateThread = holdLane(lane, gate);

    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(50);
    for (int i = 0; i < 50; i++) {
      int index = i;
      lane.execute(() -> {
        order.add(index);
        threads.add(Thread.currentThread());
        done.countDown();
      });
    }
    gate.countDown();

    assertTrue(done.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
    assertEquals(Set.of(gateThread), threads, "one thread ran them all: the one that ran the gate");
    assertNotEquals(Thread.currentThread(), gateThread);
    assertTrue(gateThread.getName().startsWith("lane-test-callback-"), gateThread.getName());
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add(i);
    }
    assertEquals(expected, order);
    lane.shutdown();
  }

  @Test
  void aCompletionThatWaitsForALaterOneIsHelpedAfterAStall() throws Exception {
    CallbackLane lane = new CallbackLane("lane-test-callback", watch, SHORT_STALL);
    CountDownLatch laterRan = new CountDownLatch(1);
    CountDownLatch firstReturned = new CountDownLatch(1);
    holdLane(lane, laterRan, firstReturned::countDown);

    lane.execute(laterRan::countDown);

    assertTrue(laterRan.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "another thread ran the later completion");
    assertTrue(firstReturned.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
    lane.shutdown();
  }

  @Test
  void callbacksSlowerThanTheyComeAreHelpedByMoreThreads() throws Exception {
    CallbackLane lane = new CallbackLane("lane-test-callback", watch, SHORT_STALL);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch helped = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(200);
    for (int i = 0; i < 200; i++) {
      lane.execute(() -> {
        threads.add(Thread.currentThread());
        if (threads.size() > 1) {
          helped.countDown();
        }
        // Each waits for help 2 ms at most, shorter than a stall: the lane's thread keeps moving on, and stays behind.
        awaitBriefly(helped);
        done.countDown();
      });
    }

    assertTrue(done.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
    assertTrue(threads.size() > 1, "a backlog of 400 ms ran on more than the lane's thread: " + threads);
    lane.shutdown();
  }

  @Test
  void aCompletionWaitingBehindABlockedOneRunsAtOnceWhenTheTimersAreClosed() throws Exception {
    CallbackLane lane = new CallbackLane("lane-test-callback", watch, NEVER);
    CountDownLatch laterRan = new CountDownLatch(1);
    holdLane(lane, laterRan);
    watch.close(); // the node closes: no stall can be watched any more

    lane.execute(laterRan::countDown);

    assertTrue(laterRan.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "another thread ran it without waiting for a stall");
    lane.shutdown();
  }

  @Test
  void aCompletionThatThrowsLeavesTheOthersRunning() throws Exception {
    CallbackLane lane = new CallbackLane("lane-test-callback", watch, NEVER);
    CountDownLatch next = new CountDownLatch(1);

    lane.execute(() -> {
      throw new IllegalStateException("a failing completion");
    });
    lane.execute(next::countDown);

    assertTrue(next.await(PATIENCE_SECONDS, TimeUnit.SECONDS));
    lane.shutdown();
  }

  @Test
  void afterShutdownQueuedCompletionsRunAndNewOnesAreRejected() throws Exception {
    CallbackLane lane = new CallbackLane("lane-test-callback", watch, NEVER);
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch queuedRan = new CountDownLatch(1);
    holdLane(lane, gate);
    lane.execute(queuedRan::countDown);

    lane.shutdown();
    gate.countDown();

    assertTrue(queuedRan.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "a completion queued before the shutdown ran");
    assertThrows(RejectedExecutionException.class, () -> lane.execute(() -> { }));
  }

  /** Holds the lane: runs a completion that waits for {@code release}; returns its thread once it began. */
  private static Thread holdLane(CallbackLane lane, CountDownLatch release) throws InterruptedException {
    return holdLane(lane, release, () -> { });
  }

  /** {@link #holdLane(CallbackLane, CountDownLatch)}, the completion running {@code afterwards} once released. */
  private static Thread holdLane(CallbackLane lane, CountDownLatch release, Runnable afterwards)
      throws InterruptedException {
    CountDownLatch entered = new CountDownLatch(1);
    List<Thread> holder = Collections.synchronizedList(new ArrayList<>());
    lane.execute(() -> {
      holder.add(Thread.currentThread());
      entered.countDown();
      await(release);
      afterwards.run();
    });
    assertTrue(entered.await(PATIENCE_SECONDS, TimeUnit.SECONDS), "the lane's thread began the holding completion");
    return holder.get(0);
  }

  private static void awaitBriefly(CountDownLatch latch) {
    try {
      latch.await(2, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("waited " + PATIENCE_SECONDS + " s in vain");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
