package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The attempts a node holds, linked through themselves in stripes: each held once, taken out once. */
class HeldAttemptsTest {
  private final HeldAttempts held = new HeldAttempts();

  @Test
  void selectsTheAttemptsHeldUntilTheyAreTakenOut() {
    List<Attempt> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // more than the stripes: some share one
      attempts.add(Attempts.claimed("s" + i, i));
      held.add(attempts.get(i));
    }
    assertEquals(Set.copyOf(attempts), new HashSet<>(held.select(a -> true)));
    assertEquals(List.of(attempts.get(7)), held.select(a -> a.token() == 7));

    for (int i = 0; i < 40; i += 2) {
      held.remove(attempts.get(i));
    }
    held.remove(attempts.get(0)); // again: nothing more to take out
    Set<Attempt> odd = new HashSet<>();
    for (int i = 1; i < 40; i += 2) {
      odd.add(attempts.get(i));
    }
    assertEquals(odd, new HashSet<>(held.select(a -> true)));
  }

  @Test
  void anAttemptNeverHeldIsNotTakenOutOfAnother() {
    Attempt kept = Attempts.claimed("kept", 1);
    held.add(kept);

    held.remove(Attempts.claimed("stranger", 2));

    assertEquals(List.of(kept), held.select(a -> true));
  }

  @Test
  void threadsAddingAndTakingOutAtOnceLeaveOnlyWhatTheyKept() throws Exception {
    int threads = 4;
    int each = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<Attempt>>> kept = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        kept.add(pool.submit(() -> {
          go.await();
          List<Attempt> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            Attempt attempt = Attempts.claimed("t" + thread + "-" + i, i);
            held.add(attempt);
            if (i % 100 == 0) {
              mine.add(attempt);
            } else {
              held.remove(attempt);
            }
          }
          return mine;
        }));
      }
      go.countDown();
      Set<Attempt> expected = new HashSet<>();
      for (Future<List<Attempt>> future : kept) {
        expected.addAll(future.get());
      }

      List<Attempt> selected = held.select(a -> true);
      assertEquals(threads * each / 100, selected.size(), "each held once");
      assertEquals(expected, new HashSet<>(selected));
    } finally {
      pool.shutdownNow();
    }
  }
}
