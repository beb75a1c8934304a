package io.brokkr.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
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

  /**
   * Opens a case and runs its warm-up; the measured runs follow within its budget, then its probe when
   * Redis is watched.
   */
  static Trial open(Case c, Meter meter, Once once) throws Exception {
    return open(c, meter, once, System::nanoTime, JitSettling.Compilers.ofThisJvm());
  }

  /**
   * {@link #open(Case, Meter, Once)} timed by {@code clock} (nanoseconds, as {@link System#nanoTime()}), a
   * process's first case settling {@code compilers} ({@link JitSettling}).
   */
  static Trial open(Case c, Meter meter, Once once, LongSupplier clock, JitSettling.Compilers compilers)
      throws Exception {
    InJvmTrial trial = new InJvmTrial(c, meter, once, clock, compilers);
    trial.warmUp();
    return trial;
  }

  /**
   * A case on a peer in this JVM. Its budget counts only the time of its own runs, so that the turns
   * other peers take in between do not shorten it.
   */
  private static final class InJvmTrial implements Trial {
    private final Case c;
    private final Meter meter;
    private final Once once;
    private final LongSupplier clock;
    private final JitSettling.Compilers compilers;
    private final List<MeasuredRun> measured = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long spent;
    private long lastRun;
    private boolean over;

    InJvmTrial(Case c, Meter meter, Once once, LongSupplier clock, JitSettling.Compilers compilers) {
      this.c = c;
      this.meter = meter;
      this.once = once;
      this.clock = clock;
      this.compilers = compilers;
    }

    void warmUp() throws Exception {
      for (int warmups = 0; c.warmsOn(warmups, spent); warmups++) {
        MeasuredRun run = timed(RunKind.WARMUP);
        spent += lastRun;
        if (lastRun > c.budgetSeconds() * 1_000_000_000L) {
          // At this length the JIT's warm-up is noise: the run is as good as a measured one.
          measured.add(run);
          notes.add(String.format(Locale.ROOT, "the warm-up run took %.0f s, over the case's budget of %d s:"
              + " it is the one measured run", lastRun / 1e9, c.budgetSeconds()));
          over = true;
          return;
        }
      }
      if (c.warmupSeconds() > 0) {
        // Left out of spent, as the warm-up seconds are left out of the budget.
        notes.add(new JitSettling(compilers, clock).settle(() -> timed(RunKind.WARMUP)));
      }
    }

    /** Left out of the budget, as the warm-up seconds are; skipped when a warm-up was the measured run. */
    @Override
    public void settle() throws Exception {
      if (!over) {
        timed(RunKind.SETTLE);
      }
    }

    @Override
    public boolean wantsMore() {
      if (over || measured.size() >= c.runs()) {
        return false;
      }
      // The budget leaves out the seconds a process's first case warms up for.
      long budgetSpent = spent - c.warmupSeconds() * 1_000_000_000L;
      if (!measured.isEmpty() && budgetSpent + lastRun > c.budgetSeconds() * 1_000_000_000L) {
        notes.add(measured.size() + " measured run(s): another would pass the case's budget of "
            + c.budgetSeconds() + " s");
        over = true;
        return false;
      }
      return true;
    }

    @Override
    public void measure() throws Exception {
      measured.add(timed(RunKind.MEASURED));
      spent += lastRun;
    }

    @Override
    public Peer.Runs finish() throws Exception {
      Optional<MeasuredRun> probe = c.probeSagas() > 0 && meter.watchesRedis()
          ? Optional.of(once.run(c.probeSagas(), RunKind.PROBE))
          : Optional.empty();
      budgetEndedRuns().ifPresent(notes::add);
      return new Peer.Runs(List.copyOf(measured), probe, List.copyOf(notes));
    }

    /** How many sagas the measured runs that ended at the budget did ({@link #oneInFlight}), if any did. */
    private Optional<String> budgetEndedRuns() {
      IntSummaryStatistics cut = measured.stream().mapToInt(run -> run.raw().sagas())
          .filter(sagas -> sagas < c.sagas()).summaryStatistics();
      if (cut.getCount() == 0) {
        return Optional.empty();
      }
      String sagas = cut.getMin() == cut.getMax() ? "" + cut.getMin() : cut.getMin() + " to " + cut.getMax();
      return Optional.of(String.format(Locale.ROOT, "%d measured run(s) started no more sagas once they had lasted"
          + " the case's budget of %d s: %s of their %d", cut.getCount(), c.budgetSeconds(), sagas, c.sagas()));
    }

    private MeasuredRun timed(RunKind kind) throws Exception {
      long start = clock.getAsLong();
      MeasuredRun run = once.run(c.sagas(), kind);
      lastRun = clock.getAsLong() - start;
      return run;
    }
  }

  /**
   * Starts a batch of {@code sagas} sagas from {@code c.submitters()} threads and waits for all their
   * outcomes, batch after batch until the run has lasted {@link Case#THROUGHPUT_RUN_AT_LEAST}.
   */
  static RawRun allAtOnce(Case c, int sagas, Launcher launcher) throws Exception {
    ExecutorService submitters = Executors.newFixedThreadPool(c.submitters());
    try {
      long cpu = ProcessCpu.micros();
      long allocated = HeapAllocation.bytes();
      long start = System.nanoTime();
      long submitNanos = 0;
      int started = 0;
      do {
        submitNanos += batch(c, started, sagas, launcher, submitters);
        started += sagas;
      } while (System.nanoTime() - start < Case.THROUGHPUT_RUN_AT_LEAST.toNanos());
      long end = System.nanoTime();
      return new RawRun(started, started * c.stepsPerSaga(), (end - start) / 1000, submitNanos / 1000,
          ProcessCpu.micros() - cpu, new long[0], List.of(), HeapAllocation.bytes() - allocated);
    } finally {
      submitters.shutdownNow();
    }
  }

  /** Starts sagas {@code first} to {@code first + sagas - 1} at once, waits until all settle; the nanoseconds the starts took. */
  private static long batch(Case c, int first, int sagas, Launcher launcher, ExecutorService submitters)
      throws Exception {
    CompletableFuture<?>[] outcomes = new CompletableFuture<?>[sagas];
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < c.submitters(); t++) {
      running.add(submitters.submit(() -> {
        for (int i = next.getAndIncrement(); i < sagas; i = next.getAndIncrement()) {
          outcomes[i] = launcher.launch(first + i).outcome();
        }
        return null;
      }));
    }
    for (Future<?> submitter : running) {
      submitter.get();
    }
    long submitted = System.nanoTime();
    CompletableFuture.allOf(outcomes).get(timeoutSeconds((long) sagas * c.stepsPerSaga()), TimeUnit.SECONDS);
    return submitted - start;
  }

  /**
   * Sagas a one-in-flight run does at least before it may end at its case's budget: a median and a p99
   * over fewer would follow single sagas.
   */
  static final int ONE_IN_FLIGHT_AT_LEAST = 10;

  /**
   * Starts one saga at a time and waits for its outcome before the next; chains report each level's start.
   * Once the run has lasted its case's budget it starts no more, after at least {@link
   * #ONE_IN_FLIGHT_AT_LEAST}: Temporal's test server took over 20 minutes for the 100 sagas of a fan-out of
   * K = 1,000 that Brokkr and BullMQ do in 12 to 22 s (2026-12-07's thirty-eighth round).
   */
  static RawRun oneInFlight(Case c, int sagas, Launcher launcher, LevelClock clock) throws Exception {
    return oneInFlight(c, sagas, launcher, clock, System::nanoTime);
  }

  /** {@link #oneInFlight(Case, int, Launcher, LevelClock)}, its budget timed by {@code budgetClock} (as {@link System#nanoTime()}). */
  static RawRun oneInFlight(Case c, int sagas, Launcher launcher, LevelClock clock, LongSupplier budgetClock)
      throws Exception {
    long[] latencies = new long[sagas];
    List<long[]> hops = new ArrayList<>();
    for (int level = 0; level < (clock.levels() == 0 ? 0 : clock.levels() + 1); level++) {
      hops.add(new long[sagas]);
    }
    long submitNanos = 0;
    long cpu = ProcessCpu.micros();
    long allocated = HeapAllocation.bytes();
    long start = System.nanoTime();
    long budgetStart = budgetClock.getAsLong();
    long budget = c.budgetSeconds() * 1_000_000_000L;
    int ran = 0;
    for (; ran < sagas && (ran < ONE_IN_FLIGHT_AT_LEAST || budgetClock.getAsLong() - budgetStart <= budget); ran++) {
      long sagaStart = System.nanoTime();
      Launched saga = launcher.launch(ran);
      submitNanos += System.nanoTime() - sagaStart;
      saga.outcome().get(timeoutSeconds(c.stepsPerSaga()), TimeUnit.SECONDS);
      long sagaEnd = System.nanoTime();
      latencies[ran] = (sagaEnd - sagaStart) / 1000;
      if (clock.levels() > 0) {
        long[] sagaHops = clock.hops(saga.sagaId(), sagaStart, sagaEnd);
        for (int level = 0; level < sagaHops.length; level++) {
          hops.get(level)[ran] = sagaHops[level];
        }
      }
    }
    long end = System.nanoTime();
    return new RawRun(ran, ran * c.stepsPerSaga(), (end - start) / 1000, submitNanos / 1000,
        ProcessCpu.micros() - cpu, Arrays.copyOf(latencies, ran), firstOf(hops, ran),
        HeapAllocation.bytes() - allocated);
  }

  /** The first {@code count} values of each level's array: those of the sagas a run did. */
  private static List<long[]> firstOf(List<long[]> levels, int count) {
    return levels.stream().map(level -> Arrays.copyOf(level, count)).toList();
  }

  /** Generous, so that only a stuck run times out: a minute plus 50 ms a step. */
  private static long timeoutSeconds(long steps) {
    return 60 + steps / 20;
  }
}
