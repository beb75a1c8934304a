package io.brokkr.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Redis server around a run: its counters around a measured run, MONITOR around a probe.
 * A peer without Redis gets {@link #NONE}. Both Brokkr and the BullMQ peer are read by this one
 * class, so their figures mean the same.
 */
final class Meter {
  static final Meter NONE = new Meter(Optional.empty());

  private final Optional<RedisAddress> redis;

  Meter(Optional<RedisAddress> redis) {
    this.redis = redis;
  }

  boolean watchesRedis() {
    return redis.isPresent();
  }

  /** The counters of one run in progress. */
  interface Reading {
    RedisUsage end();
  }

  /** Starts reading; call just before the run begins. */
  Reading begin(RunKind kind) {
    // Warm-ups are read too: one that runs over the case's budget is reported as its measured run.
    if (redis.isEmpty()) {
      return () -> RedisUsage.NONE;
    }
    RedisAddress address = redis.get();
    try {
      if (kind == RunKind.PROBE) {
        CommandMonitor monitor = CommandMonitor.start(address);
        return () -> unchecked(() -> new RedisUsage(Optional.empty(), monitor.stop()));
      }
      RedisInfo before = info(address);
      return () -> unchecked(() -> new RedisUsage(Optional.of(info(address).since(before)), Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Redis at " + address.url(), e);
    }
  }

  private static RedisInfo info(RedisAddress address) throws IOException {
    try (RedisConnection connection = RedisConnection.open(address)) {
      return RedisInfo.of(connection);
    }
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T unchecked(IoSupplier<T> read) {
    try {
      return read.get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Redis", e);
    }
  }
}
