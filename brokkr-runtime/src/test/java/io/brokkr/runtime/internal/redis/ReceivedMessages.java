package io.brokkr.runtime.internal.redis;

import io.brokkr.runtime.RedisCallListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the pub/sub messages a backend receives, by channel (a test gives each node a backend of its own). */
final class ReceivedMessages implements RedisCallListener {
  final Map<String, AtomicInteger> byChannel = new ConcurrentHashMap<>();

  @Override
  public void onCall(String kind, Duration took) {}

  @Override
  public void onMessage(String channel, int length) {
    byChannel.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
  }

  int total() {
    return byChannel.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** The messages received on {@code channel}. */
  int on(String channel) {
    AtomicInteger count = byChannel.get(channel);
    return count == null ? 0 : count.get();
  }
}
