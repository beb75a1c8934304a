package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-memory store's timers: taken when due, earliest first, re-armed and disarmed, from many threads. */
class TimerIndexTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  private final TimerIndex timers = new TimerIndex();

  private static MemoryStep step(String sagaId, String stepId) {
    return new MemoryStep(sagaId, new StepSpec(stepId, "worker", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()),
        null);
  }

  @Test
  void theDueTimersAreTakenEarliestFirstAndTheOthersStay() {
    timers.arm(step("s", "late"), T0.plusSeconds(30));
    timers.arm(step("s", "second"), T0.plusSeconds(2));
    timers.arm(step("s", "first"), T0.plusSeconds(1));

    assertEquals(List.of(new StepRef("s", "first"), new StepRef("s", "second")), timers.takeDue(T0.plusSeconds(2)));
    assertEquals(List.of(), timers.takeDue(T0.plusSeconds(2)));
    assertEquals(List.of(new StepRef("s", "late")), timers.takeDue(T0.plusSeconds(30)));
  }

  @Test
  void timersOfManyStepsComeInOneOrderWhicheverStripeHoldsThem() {
    List<StepRef> expected = new ArrayList<>();
    for (int due = 0; due < 3; due++) {
      for (int saga = 0; saga < 10; saga++) {
        for (int step = 0; step < 10; step++) {
          expected.add(new StepRef("saga-" + saga, "t" + due + "-step-" + step));
        }
      }
    }
    // Armed in reverse: the order taken is the due time's, then the saga's and the step's id.
    for (int i = expected.size() - 1; i >= 0; i--) {
      StepRef ref = expected.get(i);
      timers.arm(step(ref.sagaId(), ref.stepId()), T0.plusSeconds(Integer.parseInt(ref.stepId().substring(1, 2))));
    }

    assertEquals(expected, timers.takeDue(T0.plusSeconds(2)));
  }

  @Test
  void armingAgainReplacesTheDueTimeAndDisarmingRemovesIt() {
    MemoryStep renewed = step("s", "renewed");
    MemoryStep ended = step("s", "ended");
    timers.arm(renewed, T0.plusSeconds(1));
    timers.arm(renewed, T0.plusSeconds(10)); // a lease renewed
    timers.arm(ended, T0.plusSeconds(1));
    timers.disarm(ended);
    timers.disarm(step("s", "never armed"));

    assertEquals(List.of(), timers.takeDue(T0.plusSeconds(5)));
    assertEquals(List.of(renewed.ref()), timers.takeDue(T0.plusSeconds(10)));
  }

  @Test
  void aTimerIsTakenOnlyOnceItsOwnDueTimeCameNotWhenOthersOfItsBucketAre() {
    // Both in one bucket of due times: the sweep takes the one due and leaves the other armed.
    Instant bucketStart = Instant.ofEpochMilli(T0.toEpochMilli() / TimerIndex.BUCKET_MILLIS * TimerIndex.BUCKET_MILLIS);
    MemoryStep early = step("s", "early");
    MemoryStep late = step("s", "late");
    timers.arm(early, bucketStart.plusMillis(10));
    timers.arm(late, bucketStart.plusMillis(TimerIndex.BUCKET_MILLIS - 1));

    assertEquals(List.of(early.ref()), timers.takeDue(bucketStart.plusMillis(10)));
    assertEquals(List.of(), timers.takeDue(bucketStart.plusMillis(TimerIndex.BUCKET_MILLIS - 2)));
    assertEquals(List.of(late.ref()), timers.takeDue(bucketStart.plusMillis(TimerIndex.BUCKET_MILLIS - 1)));
  }

  @Test
  void aStepWhoseTimerASweepTookCanBeDisarmedAndArmedAgain() {
    MemoryStep lease = step("s", "lease");
    timers.arm(lease, T0.plusSeconds(1));
    assertEquals(List.of(lease.ref()), timers.takeDue(T0.plusSeconds(1)));

    timers.disarm(lease); // the taken timer is no longer linked: nothing to unlink
    timers.arm(lease, T0.plusSeconds(2)); // the sweep found the lease renewed and armed it again

    assertEquals(List.of(lease.ref()), timers.takeDue(T0.plusSeconds(3)));
    assertEquals(List.of(), timers.takeDue(T0.plusSeconds(3)));
  }

  @Test
  void timersArmedAndDisarmedFromManyThreadsAreEachTakenOnce() throws Exception {
    int threads = 8;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            // Each thread's steps are its own saga's: arm and disarm run under the step's saga's lock.
            MemoryStep step = step("saga-" + thread, "step-" + i);
            timers.arm(step, T0.plusMillis(i));
            timers.arm(step, T0.plusMillis(i + 1)); // renewed once
            if (i % 2 == 1) {
              timers.disarm(step); // every odd step ended
            }
          }
        }));
      }
      for (Future<?> future : done) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<StepRef> taken = timers.takeDue(T0.plusSeconds(60));
    Set<StepRef> expected = new HashSet<>();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i += 2) {
        expected.add(new StepRef("saga-" + t, "step-" + i));
      }
    }
    assertEquals(expected.size(), taken.size(), "each armed step once");
    assertEquals(expected, new HashSet<>(taken));
    assertEquals(List.of(), timers.takeDue(T0.plusSeconds(60)));
  }
}
