package io.brokkr.kafka.internal;

import io.brokkr.kafka.CoordinatorStats;
import java.util.concurrent.atomic.LongAdder;

/** The coordinator's counts, written by its worker bodies and its results loop. */
public final class Counters {
  final LongAdder published = new LongAdder();
  final LongAdder settled = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder deadLettered = new LongAdder();
  final LongAdder foreign = new LongAdder();

  /** A snapshot. */
  public CoordinatorStats snapshot() {
    return new CoordinatorStats(published.sum(), settled.sum(), refused.sum(), deadLettered.sum(), foreign.sum());
  }
}
