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

  /** What a subscription names. */
  enum Kind {
    /** One channel ({@code SUBSCRIBE}): a message published on any server of a Cluster reaches it. */
    CHANNEL,
    /** The channels a pattern matches ({@code PSUBSCRIBE}). */
    PATTERN,
    /**
     * One sharded channel ({@code SSUBSCRIBE}), on the server that owns its slot: only an {@code
     * SPUBLISH} there reaches it, and counts it.
     */
    SHARD
  }

  /**
   * Subscribes {@code handler} to {@code channel} (a channel, a pattern or a sharded channel, as
   * {@code kind} says); returns once Redis confirmed. {@code confirmed} runs at each confirmation.
   *
   * @return what unsubscribes it
   * @throws RuntimeException when Redis could not be reached or did not confirm in time (nothing is
   *     left subscribed then: the caller tries again)
   */
  Runnable subscribe(String channel, Kind kind, Handler handler, Runnable confirmed);

  /** Lets go of what the subscriptions hold of their own (a connection). */
  @Override
  default void close() {}
}
