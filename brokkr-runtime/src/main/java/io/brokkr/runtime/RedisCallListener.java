package io.brokkr.runtime;

import java.time.Duration;

/**
 * Sees every request a Redis backend sends: one script call or one pipelined batch each, by kind (a
 * script's name such as {@code finish} or {@code claim}, or {@code peek}, {@code timers},
 * {@code active}). For metrics and cost figures; it runs on the calling thread, so keep it short.
 * Set with {@link RedisOptions#withCallListener}.
 */
@FunctionalInterface
public interface RedisCallListener {

  /**
   * A request of {@code kind} was answered (or failed) after {@code took}.
   *
   * @param kind the script's name, or {@code peek}, {@code timers} or {@code active} for a batch
   * @param took the time from sending the request to its answer or failure
   */
  void onCall(String kind, Duration took);

  /** Sees nothing. */
  RedisCallListener NONE = (kind, took) -> {};
}
