package io.brokkr.runtime.internal.redis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.redisson.client.RedisException;

/**
 * A Cluster's subscriptions: channels and patterns on one connection (a message published on any
 * server reaches them there), each sharded channel on a connection to the server that owns its slot,
 * one for every hash tag (a namespace's partition), which follows that slot when it moves.
 */
final class SlotTopics implements Topics {
  private final Topics events;
  private final Function<String, Topics> shardOf;
  /** The subscriptions of the sharded channels, by their channels' hash tag. */
  private final Map<String, Topics> shards = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param events where channels and patterns are subscribed
   * @param shardOf the subscriptions of the slot of a channel it is given, on a connection of their own
   */
  SlotTopics(Topics events, Function<String, Topics> shardOf) {
    this.events = events;
    this.shardOf = shardOf;
  }

  @Override
  public Runnable subscribe(String channel, Kind kind, Handler handler, Runnable confirmed) {
    if (closed) {
      throw new RedisException("the subscriptions were closed"); // no connection opened after close()
    }
    Topics on = kind == Kind.SHARD ? shards.computeIfAbsent(hashTag(channel), tag -> shardOf.apply(channel)) : events;
    return on.subscribe(channel, kind, handler, confirmed);
  }

  @Override
  public void close() {
    closed = true;
    events.close();
    List.copyOf(shards.values()).forEach(Topics::close);
  }

  /** What a Cluster hashes of {@code channel}: its hash tag when it has one, else all of it. */
  static String hashTag(String channel) {
    int open = channel.indexOf('{');
    int close = open < 0 ? -1 : channel.indexOf('}', open + 1);
    return close > open + 1 ? channel.substring(open + 1, close) : channel;
  }
}
