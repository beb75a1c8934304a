package io.brokkr.runtime;

import java.time.Duration;

/**
 * Sees every request a Redis backend sends, and every message it receives. A request is one
 * script call or one pipelined batch, by kind (a script's name such as {@code finish} or
 * {@code claim}, or {@code peek}, {@code timers}, {@code active}, {@code publish}). For metrics and cost figures;
 * it runs on the calling thread, so keep it short. Set with {@link RedisOptions#withCallListener}.
 */
@FunctionalInterface
public interface RedisCallListener {

  /**
   * A request of {@code kind} was answered (or failed) after {@code took}.
   *
   * @param kind the script's name, or {@code peek}, {@code timers} or {@code active} for a batch, or
   *     {@code publish} for a queue's head a node passed on to the other nodes of its worker
   * @param took the time from sending the request to its answer or failure
   */
  void onCall(String kind, Duration took);

  /**
   * A pub/sub message reached this backend's nodes (an event of a transition, a wake-up): what a
   * node pays for beyond its own requests. Runs on Redisson's thread; keep it short.
   *
   * @param channel the channel it came on
   * @param length its length in characters
   */
  default void onMessage(String channel, int length) {}

  /** Sees nothing. */
  RedisCallListener NONE = (kind, took) -> {};
}
