package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.redis.testing.RedisCluster;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * A Cluster's sharded subscriptions on the backend's own connections ({@link SlotTopics}): each on
 * the master of its channel's slot, where an {@code SPUBLISH} counts it, and on the slot's new master
 * once the slot moved. A Cluster of its own: a test moves a slot.
 */
class SlotTopicsTest {
  private static RedisCluster cluster;
  private static RedissonClient client;

  @BeforeAll
  static void start() throws IOException {
    cluster = RedisCluster.start(3);
    client = Redissons.of(cluster);
  }

  @AfterAll
  static void stop() {
    client.shutdown();
    cluster.close();
  }

  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final AtomicInteger confirmations = new AtomicInteger();

  @Test
  void eachShardedChannelIsHeardFromTheMasterOfItsSlot() throws IOException {
    try (Topics topics = RedisSubscriber.of((Redisson) client, "{sl:events}").orElseThrow()) {
      assertInstanceOf(SlotTopics.class, topics);
      List<String> channels = List.of("{sl:0}:w:a:n:s1", "{sl:1}:w:a:n:s1", "{sl:2}:w:a:n:s1", "{sl:3}:w:a:n:s1");
      for (String channel : channels) {
        topics.subscribe(channel, Topics.Kind.SHARD, (c, text) -> heard.add(c + " " + text),
            confirmations::incrementAndGet);
      }
      assertEquals(channels.size(), confirmations.get());
      assertTrue(channels.stream().map(SlotTopicsTest::owner).distinct().count() > 1, "channels of several masters");
      for (String channel : channels) {
        assertEquals(":1\r\n", owner(channel).command("SPUBLISH " + channel + " hello"), channel);
      }
      Eventually.until("every channel heard", () -> heard.size() == channels.size());
      assertEquals(channels.stream().map(c -> c + " hello").toList(), heard.stream().sorted().toList());
    }
  }

  /**
   * Redis lets go of the subscriptions of a slot its master gives away: the connection is opened
   * again, to the slot's new master once the client learned it, and the channel heard there.
   */
  @Test
  void aShardedChannelFollowsItsSlotToAnotherMaster() throws IOException {
    String channel = "{mv:0}:w:a:n:s1";
    try (Topics topics = RedisSubscriber.of((Redisson) client, "{mv:events}").orElseThrow()) {
      topics.subscribe(channel, Topics.Kind.SHARD, (c, text) -> heard.add(text), confirmations::incrementAndGet);
      RedisServer before = owner(channel);
      RedisServer after = cluster.nodes().stream().filter(n -> n != before).findFirst().orElseThrow();
      int slot = Integer.parseInt(before.command("CLUSTER KEYSLOT " + channel).substring(1).trim());
      String afterId = after.command("CLUSTER MYID").lines().skip(1).findFirst().orElseThrow();
      // An empty slot moves when every master is told its new owner, the new one first.
      for (RedisServer node : List.of(after, before)) {
        assertEquals("+OK\r\n", node.command("CLUSTER SETSLOT " + slot + " NODE " + afterId));
      }
      for (RedisServer node : cluster.nodes()) {
        if (node != before && node != after) {
          assertEquals("+OK\r\n", node.command("CLUSTER SETSLOT " + slot + " NODE " + afterId));
        }
      }
      Eventually.until("subscribed on the slot's new master", () -> subscribers(after, channel) == 1);
      // Redis counts the subscription before the subscriber has read its confirmation.
      Eventually.until("confirmed again there", () -> confirmations.get() == 2);
      assertEquals(":1\r\n", after.command("SPUBLISH " + channel + " moved"));
      Eventually.until("heard from the new master", () -> heard.contains("moved"));
    }
  }

  /** The master that owns {@code channel}'s slot: the one that does not answer its SPUBLISH with MOVED. */
  private static RedisServer owner(String channel) {
    return cluster.nodes().stream().filter(node -> !call(node, "SPUBLISH " + channel + "-probe x").contains("MOVED"))
        .findFirst().orElseThrow();
  }

  /** The sharded subscribers of {@code channel} on {@code node}. */
  private static int subscribers(RedisServer node, String channel) {
    String reply = call(node, "PUBSUB SHARDNUMSUB " + channel);
    return Integer.parseInt(reply.substring(reply.lastIndexOf(':') + 1).trim());
  }

  private static String call(RedisServer node, String inline) {
    try {
      return node.command(inline);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
