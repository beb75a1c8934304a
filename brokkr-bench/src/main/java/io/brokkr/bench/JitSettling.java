package io.brokkr.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The end of a process's first warm-up in this JVM: on 2 cores under load the JIT's optimizing
 * compiler gets a small share of the CPU, and its queue outlasted the timed warm-up (in-memory hammer
 * runs still grew from 45,000 to 80,000 sagas/s over thirty runs after 20 s of warm-up, compilations
 * queued in the first seconds done at 24 s). So the warm-up goes on in rounds: it waits, without load,
 * until the compilers are quiet, then runs for {@link #ROUND_NANOS} (or one run, if longer); it ends with
 * a round whose runs gave the compilers work for under a twentieth of its time (until they were quiet
 * again), or after {@link #MAX_ROUNDS}.
 */
final class JitSettling {
  static final long ROUND_NANOS = 3_000_000_000L;
  static final int MAX_ROUNDS = 8;
  /** The compilers are quiet once their time stood still this long. */
  static final long QUIET_NANOS = 1_000_000_000L;
  /** A wait for quiet compilers ends after this long, quiet or not. */
  static final long MAX_WAIT_NANOS = 30_000_000_000L;
  static final long POLL_MILLIS = 100;

  /** The JVM's JIT compilers as the warm-up sees them. */
  interface Compilers {
    /** The milliseconds the compilers have worked so far. */
    long workedMillis();

    /** Waits, giving the compilers the CPU. */
    void pause(long millis) throws InterruptedException;

    /** This JVM's, or none where it does not report its compilers' time (a round then always ends them). */
    static Compilers ofThisJvm() {
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
      return new Compilers() {
        @Override
        public long workedMillis() {
          return timed ? jit.getTotalCompilationTime() : 0;
        }

        @Override
        public void pause(long millis) throws InterruptedException {
          Thread.sleep(millis);
        }
      };
    }
  }

  /** One warm-up run. */
  interface Run {
    void run() throws Exception;
  }

  private final Compilers compilers;
  private final LongSupplier clock;

  /** {@code clock}: nanoseconds, as {@link System#nanoTime()}. */
  JitSettling(Compilers compilers, LongSupplier clock) {
    this.compilers = compilers;
    this.clock = clock;
  }

  /** Runs the rounds; returns what they did, as a note of the case. */
  String settle(Run run) throws Exception {
    long workedBefore = compilers.workedMillis();
    awaitQuiet();
    int rounds = 0;
    long lastRound;
    long roundNanos;
    do {
      long worked = compilers.workedMillis();
      long start = clock.getAsLong();
      do {
        run.run();
      } while (clock.getAsLong() - start < ROUND_NANOS);
      // A round lasts at least one run: Temporal's hammer run takes half a minute.
      roundNanos = clock.getAsLong() - start;
      awaitQuiet();
      // What the round's runs gave the compilers, whether done during the round or after it.
      lastRound = compilers.workedMillis() - worked;
      rounds++;
    } while (lastRound * 20 * 1_000_000L >= roundNanos && rounds < MAX_ROUNDS);
    return String.format(Locale.ROOT, "after its timed warm-up, %d round(s) of %d s of warm-up runs, each begun once"
        + " the JIT compilers were quiet, until one gave them under 5 %% of its time to work (the last %d ms; %.1f s"
        + " of compiling in all)", rounds, ROUND_NANOS / 1_000_000_000L, lastRound,
        (compilers.workedMillis() - workedBefore) / 1e3);
  }

  /** Waits until the compilers' time stood still for {@link #QUIET_NANOS}, at most {@link #MAX_WAIT_NANOS}. */
  private void awaitQuiet() throws InterruptedException {
    long start = clock.getAsLong();
    long worked = compilers.workedMillis();
    long stillSince = start;
    while (clock.getAsLong() - stillSince < QUIET_NANOS && clock.getAsLong() - start < MAX_WAIT_NANOS) {
      compilers.pause(POLL_MILLIS);
      long now = compilers.workedMillis();
      if (now != worked) {
        worked = now;
        stillSince = clock.getAsLong();
      }
    }
  }
}
