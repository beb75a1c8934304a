package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.spi.StepRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A ready queue entry, {@code worker\nsequence\nsagaId\nstepId}: the sequence (zero-padded, per
 * partition) orders one worker's entries, and tells a node how current its view of a queue is.
 */
record Entry(String raw, String worker, long sequence, StepRef step) {

  /** {@return when the entry was made} Its sequence is the server's time in microseconds then (common.lua). */
  Instant queuedAt() {
    return Instant.EPOCH.plus(sequence, ChronoUnit.MICROS);
  }

  /** Reads an entry; empty text means no entry. */
  static Optional<Entry> parse(String raw) {
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String[] parts = raw.split("\n", 4);
    if (parts.length != 4) {
      throw new IllegalStateException("not a Brokkr ready entry: " + raw.replace("\n", "\\n"));
    }
    return Optional.of(new Entry(raw, parts[0], Long.parseLong(parts[1]), new StepRef(parts[2], parts[3])));
  }
}
