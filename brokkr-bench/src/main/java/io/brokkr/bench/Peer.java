package io.brokkr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Something the bench measures: Brokkr on one store, or BullMQ. */
interface Peer extends AutoCloseable {

  /** Its name in the report, e.g. {@code brokkr-redis}. */
  String name();

  /** The Redis it keeps its state in, which the bench reads around its runs; empty for none. */
  Optional<RedisAddress> redis();

  /** Which peers a peer takes turns with; see {@link Turns#groups}. */
  enum Lane {
    /** In the bench's JVM, light on it. */
    JVM,
    /** On the bench's Redis. */
    REDIS,
    /** In the bench's JVM, with thousands of threads and much garbage of its own: Temporal's test server. */
    HEAVY_JVM
  }

  /** Its lane: on the bench's Redis if it has one, else light in the JVM unless it says otherwise. */
  default Lane lane() {
    return redis().isPresent() ? Lane.REDIS : Lane.JVM;
  }

  /** Whether it can run the case (BullMQ has no scaling scenario). */
  boolean supports(Case c);

  /**
   * Whether each case runs in a process of its own (BullMQ's Node), so that each is the first of its
   * process and warms up as long; otherwise the peer runs in the bench's JVM, whose first case warms it.
   */
  default boolean processPerCase() {
    return false;
  }

  /** Opens a case and runs its warm-up; each run the trial takes is read by {@code meter}. */
  Trial open(Case c, Meter meter) throws Exception;

  /** What the reader should know about every case of this peer; none unless it says. */
  default List<String> notes() {
    return List.of();
  }

  /** Runs the warm-up, the measured runs and the probe of a case in a row, each read by {@code meter}. */
  default Runs run(Case c, Meter meter) throws Exception {
    try (Trial trial = open(c, meter)) {
      return trial.runAll().noting(notes());
    }
  }

  /** The measured runs of a case, its probe if it had one, and what the reader should know about them. */
  record Runs(List<MeasuredRun> measured, Optional<MeasuredRun> probe, List<String> notes) {

    /** The same runs with {@code more} notes after their own. */
    Runs noting(List<String> more) {
      if (more.isEmpty()) {
        return this;
      }
      List<String> all = new ArrayList<>(notes);
      all.addAll(more);
      return new Runs(measured, probe, List.copyOf(all));
    }

    /**
     * The same runs, noted as the first case of their process, warmed up for at least {@code seconds}: that
     * note first, as the notes of its warm-up follow on from it.
     */
    Runs warmedFor(int seconds) {
      if (seconds == 0) {
        return this;
      }
      return new Runs(measured, probe, List.of(
          "the first case of its process: warm-up runs for at least " + seconds + " s before the measured ones"))
          .noting(notes);
    }
  }

  @Override
  default void close() throws Exception {}
}
