package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.spi.StepRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

  @Test
  void theDueTimersAreTakenEarliestFirstAndTheOthersStay() {
    timers.arm(new StepRef("s", "late"), T0.plusSeconds(30));
    timers.arm(new StepRef("s", "second"), T0.plusSeconds(2));
    timers.arm(new StepRef("s", "first"), T0.plusSeconds(1));

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
      timers.arm(expected.get(i), T0.plusSeconds(Integer.parseInt(expected.get(i).stepId().substring(1, 2))));
    }

    assertEquals(expected, timers.takeDue(T0.plusSeconds(2)));
  }

  @Test
  void armingAgainReplacesTheDueTimeAndDisarmingRemovesIt() {
    StepRef renewed = new StepRef("s", "renewed");
    StepRef ended = new StepRef("s", "ended");
    timers.arm(renewed, T0.plusSeconds(1));
    timers.arm(renewed, T0.plusSeconds(10)); // a lease renewed
    timers.arm(ended, T0.plusSeconds(1));
    timers.disarm(ended);
    timers.disarm(new StepRef("s", "never armed"));

    assertEquals(List.of(), timers.takeDue(T0.plusSeconds(5)));
    assertEquals(List.of(renewed), timers.takeDue(T0.plusSeconds(10)));
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
            StepRef step = new StepRef("saga-" + thread, "step-" + i);
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
