package io.brokkr.bench;

import java.util.List;
import java.util.Optional;

/** Something the bench measures: Brokkr on one store, or BullMQ. */
interface Peer extends AutoCloseable {

  /** Its name in the report, e.g. {@code brokkr-redis}. */
  String name();

  /** The Redis it keeps its state in, which the bench reads around its runs; empty for none. */
  Optional<RedisAddress> redis();

  /** Whether it can run the case (BullMQ has no scaling scenario). */
  boolean supports(Case c);

  /** Runs the warm-up, the measured runs and the probe of a case, each read by {@code meter}. */
  Runs run(Case c, Meter meter) throws Exception;

  /** The measured runs of a case, its probe if it had one, and what the reader should know about them. */
  record Runs(List<MeasuredRun> measured, Optional<MeasuredRun> probe, List<String> notes) {}

  @Override
  default void close() throws Exception {}
}
