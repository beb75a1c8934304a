package io.brokkr.runtime.internal.redis;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many requests a store sent to Redis, by kind: one script call or one pipelined batch each. */
final class RoundTrips {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void count(String kind) {
    counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** The counts so far, by kind (a script's name, or {@code peek}, {@code load}, {@code sweep}, …). */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((kind, count) -> copy.put(kind, count.sum()));
    return copy;
  }
}
