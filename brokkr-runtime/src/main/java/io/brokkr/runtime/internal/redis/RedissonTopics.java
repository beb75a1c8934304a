package io.brokkr.runtime.internal.redis;

import org.redisson.api.RPatternTopic;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.PatternStatusListener;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;

/**
 * Subscriptions through a Redisson client's topics: Redisson decodes a message on its event loop and
 * runs the handler on a thread of its executor, and subscribes again by itself after a reconnect
 * (a sharded channel on the server that owns its slot then).
 * Serves every client, Sentinel's and a proxy's among them.
 */
final class RedissonTopics implements Topics {
  private final RedissonClient client;

  RedissonTopics(RedissonClient client) {
    this.client = client;
  }

  @Override
  public Runnable subscribe(String channel, Kind kind, Handler handler, Runnable confirmed) {
    return switch (kind) {
      case CHANNEL -> subscribeChannel(client.getTopic(channel, StringCodec.INSTANCE), channel, handler, confirmed);
      case SHARD -> subscribeChannel(client.getShardedTopic(channel, StringCodec.INSTANCE), channel, handler, confirmed);
      case PATTERN -> subscribePattern(channel, handler, confirmed);
    };
  }

  private Runnable subscribeChannel(RTopic topic, String channel, Handler handler, Runnable confirmed) {
    int status = topic.addListener(new StatusListener() {
      @Override
      public void onSubscribe(String name) {
        confirmed.run();
      }

      @Override
      public void onUnsubscribe(String name) {
        // Redisson resubscribes by itself after a reconnect.
      }
    });
    int messages;
    try {
      messages = topic.addListener(String.class, (name, text) -> handler.message(channel, text));
    } catch (RuntimeException e) {
      throw undone(e, () -> topic.removeListener(status)); // a retry adds it again: none left behind
    }
    return () -> topic.removeListener(messages, status);
  }

  private Runnable subscribePattern(String pattern, Handler handler, Runnable confirmed) {
    RPatternTopic topic = client.getPatternTopic(pattern, StringCodec.INSTANCE);
    int status = topic.addListener(new PatternStatusListener() {
      @Override
      public void onPSubscribe(String name) {
        confirmed.run();
      }

      @Override
      public void onPUnsubscribe(String name) {
        // Redisson resubscribes by itself after a reconnect.
      }
    });
    int messages;
    try {
      messages = topic.addListener(String.class, (matched, channel, text) -> handler.message(channel.toString(), text));
    } catch (RuntimeException e) {
      throw undone(e, () -> topic.removeListener(status));
    }
    return () -> {
      topic.removeListener(messages);
      topic.removeListener(status);
    };
  }

  /** {@code failure}, after running {@code undo} (whose own failure is added to it as suppressed). */
  private static RuntimeException undone(RuntimeException failure, Runnable undo) {
    try {
      undo.run();
    } catch (RuntimeException also) {
      failure.addSuppressed(also);
    }
    return failure;
  }
}
