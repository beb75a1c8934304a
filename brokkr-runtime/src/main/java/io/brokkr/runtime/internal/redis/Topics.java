package io.brokkr.runtime.internal.redis;

/**
 * Redis's pub/sub as a view of a namespace uses it: subscriptions to channels and to patterns, each
 * told of every confirmation (the first, and each one after a reconnect, when messages may have
 * been missed). {@link RedisSubscriber} reads them on a connection of the backend's own; {@link
 * RedissonTopics} through Redisson's.
 */
interface Topics extends AutoCloseable {
  /** Where a message goes: the channel it was published on and its text. */
  interface Handler {
    void message(String channel, String text);
  }

  /**
   * Subscribes {@code handler} to {@code channel} (or, with {@code pattern}, to the channels the
   * pattern matches); returns once Redis confirmed. {@code confirmed} runs at each confirmation.
   *
   * @return what unsubscribes it
   * @throws RuntimeException when Redis could not be reached or did not confirm in time (nothing is
   *     left subscribed then: the caller tries again)
   */
  Runnable subscribe(String channel, boolean pattern, Handler handler, Runnable confirmed);

  /** Lets go of what the subscriptions hold of their own (a connection). */
  @Override
  default void close() {}
}
