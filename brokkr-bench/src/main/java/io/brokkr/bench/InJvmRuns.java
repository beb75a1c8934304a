package io.brokkr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * How a peer that runs in this JVM (Brokkr, Temporal) is measured: the warm-up, measured runs and
 * probe of a case, and the two ways a run submits its sagas. One code for every such peer, so
 * their figures are taken the same way.
 */
final class InJvmRuns {
  private InJvmRuns() {}

  /** One run of {@code sagas} sagas of a case, on a fresh node (or server), read by a meter. */
  interface Once {
    MeasuredRun run(int sagas, RunKind kind) throws Exception;
  }

  /** Starts the {@code index}-th saga of a run. */
  interface Launcher {
    Launched launch(int index) throws Exception;
  }

  /**
   * A started saga.
   *
   * @param sagaId its id, which chain steps report to the {@link LevelClock}
   * @param outcome completes when it settles; completes exceptionally unless it finished as it should
   */
  record Launched(String sagaId, CompletableFuture<?> outcome) {}

  /** The warm-up and measured runs of a case within its budget, then its probe when Redis is watched. */
  static Peer.Runs runs(Case c, Meter meter, Once once) throws Exception {
    return runs(c, meter, once, System::nanoTime);
  }

  /** {@link #runs(Case, Meter, Once)} timed by {@code clock} (nanoseconds, as {@link System#nanoTime()}). */
  static Peer.Runs runs(Case c, Meter meter, Once once, LongSupplier clock) throws Exception {
    List<MeasuredRun> measured = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long begun = clock.getAsLong();
    // The budget leaves out the seconds a process's first case warms up for.
    long budgetFrom = begun + c.warmupSeconds() * 1_000_000_000L;
    long lastRun = 0;
    int warmups = 0;
    while (measured.size() < c.runs()) {
      RunKind kind = c.warmsOn(warmups, clock.getAsLong() - begun) ? RunKind.WARMUP : RunKind.MEASURED;
      if (kind == RunKind.WARMUP) {
        warmups++;
      }
      if (!measured.isEmpty() && clock.getAsLong() - budgetFrom + lastRun > c.budgetSeconds() * 1_000_000_000L) {
        notes.add(measured.size() + " measured run(s): another would pass the case's budget of " + c.budgetSeconds() + " s");
        break;
      }
      long runStart = clock.getAsLong();
      MeasuredRun run = once.run(c.sagas(), kind);
      lastRun = clock.getAsLong() - runStart;
      if (kind == RunKind.MEASURED) {
        measured.add(run);
      } else if (lastRun > c.budgetSeconds() * 1_000_000_000L) {
        // At this length the JIT's warm-up is noise: the run is as good as a measured one.
        measured.add(run);
        notes.add(String.format(Locale.ROOT, "the warm-up run took %.0f s, over the case's budget of %d s:"
            + " it is the one measured run", lastRun / 1e9, c.budgetSeconds()));
        break;
      }
    }
    Optional<MeasuredRun> probe = c.probeSagas() > 0 && meter.watchesRedis()
        ? Optional.of(once.run(c.probeSagas(), RunKind.PROBE))
        : Optional.empty();
    return new Peer.Runs(measured, probe, notes);
  }

  /** Starts every saga from {@code c.submitters()} threads, then waits for all outcomes. */
  static RawRun allAtOnce(Case c, int sagas, Launcher launcher) throws Exception {
    CompletableFuture<?>[] outcomes = new CompletableFuture<?>[sagas];
    AtomicInteger next = new AtomicInteger();
    ExecutorService submitters = Executors.newFixedThreadPool(c.submitters());
    try {
      long cpu = ProcessCpu.micros();
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < c.submitters(); t++) {
        running.add(submitters.submit(() -> {
          for (int i = next.getAndIncrement(); i < sagas; i = next.getAndIncrement()) {
            outcomes[i] = launcher.launch(i).outcome();
          }
          return null;
        }));
      }
      for (Future<?> submitter : running) {
        submitter.get();
      }
      long submitted = System.nanoTime();
      CompletableFuture.allOf(outcomes).get(timeoutSeconds((long) sagas * c.stepsPerSaga()), TimeUnit.SECONDS);
      long end = System.nanoTime();
      return new RawRun(sagas, sagas * c.stepsPerSaga(), (end - start) / 1000, (submitted - start) / 1000,
          ProcessCpu.micros() - cpu, new long[0], List.of());
    } finally {
      submitters.shutdownNow();
    }
  }

  /** Starts one saga at a time and waits for its outcome before the next; chains report each level's start. */
  static RawRun oneInFlight(Case c, int sagas, Launcher launcher, LevelClock clock) throws Exception {
    long[] latencies = new long[sagas];
    List<long[]> hops = new ArrayList<>();
    for (int level = 0; level < (clock.levels() == 0 ? 0 : clock.levels() + 1); level++) {
      hops.add(new long[sagas]);
    }
    long submitNanos = 0;
    long cpu = ProcessCpu.micros();
    long start = System.nanoTime();
    for (int i = 0; i < sagas; i++) {
      long sagaStart = System.nanoTime();
      Launched saga = launcher.launch(i);
      submitNanos += System.nanoTime() - sagaStart;
      saga.outcome().get(timeoutSeconds(c.stepsPerSaga()), TimeUnit.SECONDS);
      long sagaEnd = System.nanoTime();
      latencies[i] = (sagaEnd - sagaStart) / 1000;
      if (clock.levels() > 0) {
        long[] sagaHops = clock.hops(saga.sagaId(), sagaStart, sagaEnd);
        for (int level = 0; level < sagaHops.length; level++) {
          hops.get(level)[i] = sagaHops[level];
        }
      }
    }
    long end = System.nanoTime();
    return new RawRun(sagas, sagas * c.stepsPerSaga(), (end - start) / 1000, submitNanos / 1000,
        ProcessCpu.micros() - cpu, latencies, hops);
  }

  /** Generous, so that only a stuck run times out: a minute plus 50 ms a step. */
  private static long timeoutSeconds(long steps) {
    return 60 + steps / 20;
  }
}
