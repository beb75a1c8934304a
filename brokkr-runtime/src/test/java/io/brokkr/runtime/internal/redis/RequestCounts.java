package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisCallListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts a backend's requests to Redis by kind, through its call listener. */
final class RequestCounts implements RedisCallListener {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void onCall(String kind, Duration took) {
    counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** The counts so far, by kind. */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((kind, count) -> copy.put(kind, count.sum()));
    return copy;
  }
}
