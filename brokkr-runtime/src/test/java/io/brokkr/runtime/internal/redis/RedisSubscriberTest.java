package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.testing.Eventually;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.NameMapper;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;

/** Subscriptions on the backend's own connection ({@link RedisSubscriber}), on a real redis-server. */
class RedisSubscriberTest {
  private static RedisServer server;

  @BeforeAll
  static void start() throws IOException {
    server = RedisServer.start(List.of("--enable-debug-command", "yes"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What a handler was given: "channel text" each. */
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final AtomicInteger confirmations = new AtomicInteger();

  private static RedisSubscriber subscriber(int port, int timeoutMillis) {
    return subscriber(port, timeoutMillis, Optional.empty(), Optional.empty());
  }

  private static RedisSubscriber subscriber(int port, int timeoutMillis, Optional<String> user, Optional<String> password) {
    DirectFunctionCalls.Server at = new DirectFunctionCalls.Server(new InetSocketAddress("127.0.0.1", port),
        user, password, 0, Optional.empty());
    return new RedisSubscriber(() -> Optional.of(at),
        new DirectFunctionCalls.Policy(1000, timeoutMillis, 3, attempt -> Duration.ofMillis(50), NameMapper.direct()));
  }

  private Topics.Handler recording() {
    return (channel, text) -> heard.add(channel + " " + text);
  }

  /** How many subscribers PUBLISH reached. */
  private static long publish(String channel, String text) throws IOException {
    String reply = server.command("PUBLISH " + channel + " \"" + text + "\"");
    return Long.parseLong(reply.substring(1).trim());
  }

  @Test
  void aMessageReachesItsChannelsHandlerOnceConfirmed() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 3000)) {
      topics.subscribe("{ns:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      assertEquals(1, confirmations.get(), "subscribe returns once Redis confirmed");
      assertEquals(1, publish("{ns:events}:n:one", "hello \\n world"));
      assertEquals(0, publish("{ns:events}:n:other", "not heard"));
      Eventually.until("the message is handed over", () -> heard.size() == 1);
      assertEquals(List.of("{ns:events}:n:one hello \n world"), heard);
    }
  }

  @Test
  void aPatternsHandlerIsGivenTheChannelTheMessageCameOn() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 3000)) {
      topics.subscribe("{pt:events}:n:*", Topics.Kind.PATTERN, recording(), confirmations::incrementAndGet);
      topics.subscribe("{pt:events}:w:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      assertEquals(2, confirmations.get());
      assertEquals(1, publish("{pt:events}:n:a", "first"));
      assertEquals(1, publish("{pt:events}:w:one", "second"));
      assertEquals(1, publish("{pt:events}:n:b", "third"));
      Eventually.until("three messages, in order", () -> heard.size() == 3);
      assertEquals(List.of("{pt:events}:n:a first", "{pt:events}:w:one second", "{pt:events}:n:b third"), heard);
    }
  }

  /** On one server a sharded channel shares the connection; SPUBLISH counts it until it is unsubscribed. */
  @Test
  void aShardedChannelIsHeardAndCountedUntilUnsubscribed() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 3000)) {
      topics.subscribe("{sh:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      Runnable unsubscribe = topics.subscribe("{sh:0}:w:a:n:one", Topics.Kind.SHARD, recording(),
          confirmations::incrementAndGet);
      assertEquals(2, confirmations.get());
      assertEquals(":1\r\n", server.command("SPUBLISH {sh:0}:w:a:n:one head"));
      assertEquals(0, publish("{sh:0}:w:a:n:one", "not a sharded message"));
      Eventually.until("heard", () -> heard.size() == 1);
      assertEquals(List.of("{sh:0}:w:a:n:one head"), heard);

      unsubscribe.run();
      Eventually.until("no longer counted", () -> quietly("SPUBLISH {sh:0}:w:a:n:one late").equals(":0\r\n"));
      assertEquals(1, publish("{sh:events}:n:one", "still"), "the connection kept, its other subscription too");
      Eventually.until("the channel heard", () -> heard.contains("{sh:events}:n:one still"));
      assertEquals(2, confirmations.get(), "the answer to its own SUNSUBSCRIBE did not open a new connection");
    }
  }

  @Test
  void anUnsubscribedChannelIsNoLongerHeard() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 3000)) {
      Runnable unsubscribe = topics.subscribe("{un:events}:n:gone", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      topics.subscribe("{un:events}:n:kept", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      unsubscribe.run();
      Eventually.until("Redis no longer sends the channel's messages", () -> publishQuietly("{un:events}:n:gone") == 0);
      assertEquals(1, publish("{un:events}:n:kept", "still"));
      Eventually.until("the kept channel is heard", () -> heard.contains("{un:events}:n:kept still"));
      assertTrue(heard.stream().noneMatch(h -> h.startsWith("{un:events}:n:gone")), "heard: " + heard);
    }
  }

  @Test
  void aBrokenConnectionIsOpenedAgainAndEverySubscriptionConfirmedAgain() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 3000)) {
      topics.subscribe("{br:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      topics.subscribe("{br:events}:w:*", Topics.Kind.PATTERN, recording(), confirmations::incrementAndGet);
      assertEquals(2, confirmations.get());
      server.command("CLIENT KILL TYPE pubsub");
      Eventually.until("both subscriptions confirmed again on a new connection", () -> confirmations.get() == 4);
      assertEquals(1, publish("{br:events}:n:one", "after"));
      assertEquals(1, publish("{br:events}:w:x", "after"));
      Eventually.until("both heard", () -> heard.size() == 2);
      assertEquals(List.of("{br:events}:n:one after", "{br:events}:w:x after"), heard);
    }
  }

  @Test
  void aServerThatLeavesAPingUnansweredIsConnectedToAgain() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 500)) {
      topics.subscribe("{pg:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      // Silent past IDLE_MILLIS (1 s), then a PING left unanswered past the 500 ms timeout (the watch
      // looks every 250 ms): dropped within 2 s, and connected again once the server answers.
      CompletableFuture<String> slept = server.sleep("3", Duration.ofSeconds(5));
      slept.join();
      Eventually.until("the subscription confirmed on a new connection", () -> confirmations.get() >= 2);
      assertEquals(1, publish("{pg:events}:n:one", "awake"));
      Eventually.until("heard", () -> heard.contains("{pg:events}:n:one awake"));
    }
  }

  @Test
  void aSilentConnectionThatAnswersItsPingIsKept() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 300)) {
      topics.subscribe("{ok:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      long client = subscriberClient();
      assertEquals("+OK\r\n", server.command("CONFIG RESETSTAT"));
      // Two PINGs at least 1 s apart: the first was answered and the connection kept past its 300 ms timeout.
      Eventually.until("two PINGs on the silent connection", () -> pings() >= 2);
      assertEquals(client, subscriberClient(), "the same connection");
      assertEquals(1, confirmations.get(), "never subscribed again");
      assertEquals(1, publish("{ok:events}:n:one", "still"));
      Eventually.until("heard", () -> heard.contains("{ok:events}:n:one still"));
    }
  }

  @Test
  void aStoresEventsComeOnItsOwnConnectionUnlessTheOptionIsOff() throws IOException {
    RedissonClient client = Redissons.of(server);
    try {
      for (boolean direct : new boolean[] {true, false}) {
        List<StoreEvent> events = new CopyOnWriteArrayList<>();
        try (SagaStore store = RedisBackend.on(client, RedisOptions.defaults().withDirectConnection(direct))
            .open("own-events-" + direct)) {
          store.subscribeToOwnWork(events::add);
          store.createSaga("a");
          store.addStep("a", new StepSpec("s", "w", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
          store.start("a"); // the saga moves: its message comes on the store's subscription
          Eventually.until("the saga's events arrive (" + direct + ")", () -> !events.isEmpty());
          assertEquals(direct ? 1 : 0, eventReaders(), "the store's own event reader, direct " + direct);
        }
        Eventually.until("the reader ended with the store", () -> eventReaders() == 0);
      }
    } finally {
      client.shutdown();
    }
  }

  /** The live reader threads of subscribers connected to this class's server. */
  private static long eventReaders() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive()
        && t.getName().startsWith("brokkr-redis-events ") && t.getName().endsWith(":" + server.port())).count();
  }

  /** The id of the one pub/sub client of the server. */
  private static long subscriberClient() throws IOException {
    String list = server.command("CLIENT LIST TYPE pubsub");
    Matcher id = Pattern.compile("id=(\\d+)").matcher(list);
    assertTrue(id.find(), list);
    long found = Long.parseLong(id.group(1));
    assertFalse(id.find(), "one pub/sub client: " + list);
    return found;
  }

  private static long pings() {
    try {
      Matcher calls = Pattern.compile("cmdstat_ping:calls=(\\d+)").matcher(server.command("INFO commandstats"));
      return calls.find() ? Long.parseLong(calls.group(1)) : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void aSubscriptionRedisDoesNotConfirmInTimeFailsAndIsNotMadeLater() throws IOException {
    try (RedisSubscriber topics = subscriber(server.port(), 300)) {
      topics.subscribe("{to:events}:n:first", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      CompletableFuture<String> slept = server.sleep("1", Duration.ofSeconds(5));
      assertThrows(RedisTimeoutException.class,
          () -> topics.subscribe("{to:events}:n:late", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet));
      slept.join();
      Eventually.until("the confirmation that came late changed nothing: Redis no longer sends the channel",
          () -> publishQuietly("{to:events}:n:late") == 0);
      assertEquals(1, publish("{to:events}:n:first", "kept"));
      Eventually.until("the first subscription is still heard", () -> heard.contains("{to:events}:n:first kept"));
    }
  }

  @Test
  void aSubscriptionAnAclRefusesFailsAtOnceWithRedissMessageAndTheOthersGoOn() throws IOException {
    assertEquals("+OK\r\n", server.command("ACL SETUSER narrow on >pw resetchannels &{acl:events}:n:* +@all"));
    try (RedisSubscriber topics = subscriber(server.port(), 30_000, Optional.of("narrow"), Optional.of("pw"))) {
      topics.subscribe("{acl:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      // Refused by Redis, not timed out (whose exception and message differ).
      RedisException refused = assertThrows(RedisException.class,
          () -> topics.subscribe("{acl:events}:w:*", Topics.Kind.PATTERN, recording(), confirmations::incrementAndGet));
      assertTrue(refused.getMessage().startsWith("NOPERM"), refused.getMessage());
      topics.subscribe("{acl:events}:n:two", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
      assertEquals(2, confirmations.get());
      assertEquals(1, publish("{acl:events}:n:two", "allowed"));
      Eventually.until("the next subscription is heard", () -> heard.contains("{acl:events}:n:two allowed"));
    } finally {
      server.command("ACL DELUSER narrow");
    }
  }

  @Test
  void noServerToConnectToIsAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    try (RedisSubscriber topics = subscriber(closedPort, 300)) {
      RedisConnectionException failed = assertThrows(RedisConnectionException.class,
          () -> topics.subscribe("{nc:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet));
      assertTrue(failed.getMessage().startsWith("cannot connect to Redis at "), failed.getMessage());
      assertEquals(0, confirmations.get());
    }
  }

  @Test
  void closedSubscriptionsHearNothingMore() throws IOException {
    RedisSubscriber topics = subscriber(server.port(), 3000);
    topics.subscribe("{cl:events}:n:one", Topics.Kind.CHANNEL, recording(), confirmations::incrementAndGet);
    topics.close();
    Eventually.until("Redis no longer has the subscriber", () -> publishQuietly("{cl:events}:n:one") == 0);
    assertThrows(RedisException.class, () -> topics.subscribe("{cl:events}:n:two", Topics.Kind.CHANNEL, recording(), () -> { }));
  }

  private static long publishQuietly(String channel) {
    try {
      return publish(channel, "probe");
    } catch (IOException e) {
      return -1;
    }
  }

  private static String quietly(String inline) {
    try {
      return server.command(inline);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
