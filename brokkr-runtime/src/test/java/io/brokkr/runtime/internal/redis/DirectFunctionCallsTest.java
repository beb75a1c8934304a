package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.testing.Eventually;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.Redisson;
import org.redisson.api.NameMapper;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.Credentials;
import org.redisson.config.DelayStrategy;
import org.redisson.config.MasterSlaveServersConfig;

/** FCALLs on the calls' own connection ({@link DirectFunctionCalls}): what Redisson's executor answers, under faults too. */
class DirectFunctionCallsTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();
  @RegisterExtension
  static final RedisExtension CLUSTER = RedisExtension.cluster(3);

  private static final String LIBRARY = FunctionCallsTest.ECHO_LIBRARY + """
      redis.register_function('kinds', function(keys, args)
        return { 7, 'text', { 'inner', 2 }, '', args[1] }
      end)
      redis.register_function('count', function(keys, args)
        return { redis.call('INCR', keys[1]) }
      end)
      redis.register_function('fails', function(keys, args)
        return redis.error_reply('BROKKR no such saga ünï')
      end)
      """;
  private static final List<Object> KEYS = List.of("{dc:1}:a", "{dc:1}:b");
  private static final Object[] ARGS = {"text", 42L, "", "ünïcødé \n\"quoted\"", "x".repeat(100_000)};
  private static final DelayStrategy RETRY_DELAY = attempt -> Duration.ofMillis(100);

  /** Where a call that must not be redirected would go. */
  private static final FunctionCalls NOT_REDIRECTED = (function, keys, args) -> {
    throw new AssertionError("redirected to Redisson: " + function + " " + keys);
  };

  @BeforeAll
  static void loadLibrary() {
    REDIS.client().getFunction(StringCodec.INSTANCE).loadAndReplace("direct_function_calls_test", LIBRARY);
    CLUSTER.client().getFunction(StringCodec.INSTANCE).loadAndReplace("direct_function_calls_test", LIBRARY);
  }

  /** Calls on {@code server}'s own connection with this timeout and these re-sends, never redirected. */
  static DirectFunctionCalls calls(RedisServer server, int timeoutMillis, int retryAttempts) {
    DirectFunctionCalls.Server at = new DirectFunctionCalls.Server(new InetSocketAddress("127.0.0.1", server.port()),
        Optional.empty(), Optional.empty(), 0, Optional.empty());
    return new DirectFunctionCalls(key -> Optional.of(at),
        new DirectFunctionCalls.Policy(1000, timeoutMillis, retryAttempts, RETRY_DELAY, NameMapper.direct()), NOT_REDIRECTED);
  }

  @Test
  void aFunctionAnswersAsItDoesThroughRedissonsExecutor() {
    FunctionCalls executor = FunctionCalls.of(REDIS.client());
    try (FunctionCalls direct = FunctionCalls.of(REDIS.client(), true)) {
      assertInstanceOf(DirectFunctionCalls.class, direct, "one server over redis://: the calls' own connection");
      assertEquals(executor.call("echo", KEYS, ARGS), direct.call("echo", KEYS, ARGS));
      assertEquals(executor.call("kinds", List.of(), new Object[] {"last"}), direct.call("kinds", List.of(), new Object[] {"last"}));
      assertEquals(List.of(7L, "text", List.of("inner", 2L), "", "last"), direct.call("kinds", List.of(), new Object[] {"last"}));
    }
  }

  @Test
  void anErrorReplyIsARedisExceptionWithItsMessage() {
    try (DirectFunctionCalls direct = calls(REDIS.redisServer(), 3000, 3)) {
      RedisException refused = assertThrows(RedisException.class, () -> direct.call("fails", KEYS, new Object[0]));
      assertEquals("BROKKR no such saga ünï", refused.getMessage());

      RedisException missing = assertThrows(RedisException.class, () -> direct.call("no_such_function", KEYS, new Object[0]));
      assertTrue(ScriptCalls.isNoScript(missing), "a missing function is told as Redisson tells it: " + missing.getMessage());
      assertEquals(List.of("key {dc:1}:a", "key {dc:1}:b"), direct.call("echo", KEYS, new Object[0]), "the connection serves on");
    }
  }

  @Test
  void callsOfManyThreadsAtOnceEachGetTheirOwnReply() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try (DirectFunctionCalls direct = calls(REDIS.redisServer(), 3000, 3)) {
      direct.call("echo", List.of("{dc:t}"), new Object[] {"opens the connection"});
      long connections = connectionsReceived(REDIS.redisServer());
      List<Future<List<String>>> mismatches = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        String thread = "t" + t;
        mismatches.add(threads.submit(() -> {
          List<String> wrong = new ArrayList<>();
          for (int i = 0; i < 500; i++) {
            String arg = thread + "-" + i + "-" + "y".repeat(i % 7 * 1000);
            List<Object> reply = direct.call("echo", List.of("{dc:" + thread + "}"), new Object[] {arg});
            if (!reply.equals(List.of("key {dc:" + thread + "}", "arg " + arg))) {
              wrong.add(reply.toString());
            }
          }
          return wrong;
        }));
      }
      for (Future<List<String>> wrong : mismatches) {
        assertEquals(List.of(), wrong.get(60, TimeUnit.SECONDS));
      }
      // A caller left waiting with nobody reading would time out, and its retry open a connection.
      assertEquals(connections + 1, connectionsReceived(REDIS.redisServer()),
          "every call answered on the first connection (the one more: the second INFO's own)");
    } finally {
      threads.shutdownNow();
    }
  }

  /** The server's count of connections accepted, this request's own included. */
  private static long connectionsReceived(RedisServer server) throws Exception {
    Matcher received = Pattern.compile("total_connections_received:(\\d+)").matcher(server.command("INFO stats"));
    assertTrue(received.find(), "INFO stats without total_connections_received");
    return Long.parseLong(received.group(1));
  }

  @Test
  void aCallAloneReadsItsReplyOnItsOwnThread() throws Exception {
    try (RedisServer server = RedisServer.start(List.of("--enable-debug-command", "yes"));
        DirectFunctionCalls direct = calls(server, 10_000, 0)) {
      Asleep asleep = readingWhileAsleep(server, direct, "{dc:4}:n", "2");
      asleep.wakes().join();
      assertEquals(List.of(2L), asleep.read().get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void aCallerThatStopsWaitingLeavesTheReadingToTheNext() throws Exception {
    try (RedisServer server = RedisServer.start(List.of("--enable-debug-command", "yes"));
        DirectFunctionCalls direct = calls(server, 10_000, 0)) {
      Asleep asleep = readingWhileAsleep(server, direct, "{dc:5}:n", "1");
      CompletableFuture<List<Object>> second = new CompletableFuture<>();
      Thread leaving = counting(direct, "{dc:5}:n", second);
      Eventually.until("the second caller waits", () -> in(leaving, "await") && !in(leaving, "readUntil"));
      leaving.interrupt();
      ExecutionException interrupted = assertThrows(ExecutionException.class, () -> second.get(20, TimeUnit.SECONDS));
      assertTrue(interrupted.getCause().getMessage().startsWith("interrupted while waiting"), interrupted.getMessage());
      CompletableFuture<List<Object>> third = new CompletableFuture<>();
      Thread next = counting(direct, "{dc:5}:n", third);
      Eventually.until("the third caller waits", () -> in(next, "await") && !in(next, "readUntil"));
      asleep.wakes().join();

      assertEquals(List.of(2L), asleep.read().get(20, TimeUnit.SECONDS));
      // Had the reading been handed to the caller that left, the third would wait for the 10 s timeout and fail.
      assertEquals(List.of(4L), third.get(5, TimeUnit.SECONDS));
    }
  }

  /** A server asleep while a count reads for the calls' connection: when it wakes, and that count's reply. */
  private record Asleep(CompletableFuture<String> wakes, CompletableFuture<List<Object>> read) {}

  /**
   * Loads the library and counts {@code key} once (the connection opens), then puts the server to sleep
   * for {@code seconds} and starts a count of {@code key} on a thread of its own, once it reads.
   */
  private static Asleep readingWhileAsleep(RedisServer server, DirectFunctionCalls direct, String key, String seconds)
      throws Exception {
    loadLibrary(server);
    assertEquals(List.of(1L), direct.call("count", List.of(key), new Object[0]));
    CompletableFuture<String> wakes = server.sleep(seconds, Eventually.PATIENCE);
    CompletableFuture<List<Object>> read = new CompletableFuture<>();
    Thread reader = counting(direct, key, read);
    Eventually.until("the caller waits in the pipe's read of its reply", () -> in(reader, "readUntil"));
    return new Asleep(wakes, read);
  }

  /** Calls the library's count function on a thread of its own, which it returns; the reply completes {@code reply}. */
  private static Thread counting(DirectFunctionCalls direct, String key, CompletableFuture<List<Object>> reply) {
    Thread thread = new Thread(() -> {
      try {
        reply.complete(direct.call("count", List.of(key), new Object[0]));
      } catch (RuntimeException e) {
        reply.completeExceptionally(e);
      }
    }, "counting " + key);
    thread.start();
    return thread;
  }

  /** Whether {@code thread} is in the method of that name of {@link RedisPipe} now. */
  private static boolean in(Thread thread, String method) {
    return Arrays.stream(thread.getStackTrace()).anyMatch(frame ->
        frame.getClassName().equals(RedisPipe.class.getName()) && frame.getMethodName().equals(method));
  }

  @Test
  void aConnectionRedisDroppedIsMadeAgain() throws Exception {
    try (RedisServer server = RedisServer.start(); DirectFunctionCalls direct = calls(server, 3000, 3)) {
      loadLibrary(server);
      assertEquals(List.of(1L), direct.call("count", List.of("{dc:2}:n"), new Object[0]));
      long before = lastCallingConnection(server);

      server.command("CLIENT KILL TYPE normal"); // as a restart or a proxy would drop it

      assertEquals(List.of(2L), direct.call("count", List.of("{dc:2}:n"), new Object[0]));
      assertTrue(lastCallingConnection(server) > before, "the call went on a new connection");
    }
  }

  @Test
  void aReplyThatComesTooLateIsAskedForAgainAndGivenUpOnAfterTheRetries() throws Exception {
    try (RedisServer server = RedisServer.start(List.of("--enable-debug-command", "yes"));
        DirectFunctionCalls patient = calls(server, 300, 5);
        DirectFunctionCalls hasty = calls(server, 100, 1)) {
      loadLibrary(server);
      assertEquals(List.of(1L), patient.call("count", List.of("{dc:3}:n"), new Object[0]));
      long before = lastCallingConnection(server);

      CompletableFuture<String> sleep = server.sleep("1", Eventually.PATIENCE);
      long counted = (Long) patient.call("count", List.of("{dc:3}:n"), new Object[0]).get(0);
      sleep.join();
      assertTrue(counted >= 2, "answered once the server woke: " + counted);
      assertTrue(lastCallingConnection(server) > before, "re-sent on a new connection after a timeout");

      sleep = server.sleep("1", Eventually.PATIENCE);
      RedisTimeoutException late = assertThrows(RedisTimeoutException.class,
          () -> hasty.call("count", List.of("{dc:3}:n"), new Object[0]));
      sleep.join();
      assertTrue(late.getMessage().matches("Redis at .* did not answer count within 100 ms, 2 tries"), late.getMessage());
    }
  }

  @Test
  void itAuthenticatesAndSelectsTheClientsDatabase() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command("CONFIG SET requirepass s3cret"));
      Config config = new Config();
      config.useSingleServer().setAddress(server.uri()).setPassword("s3cret").setDatabase(3)
          .setConnectionMinimumIdleSize(1).setConnectionPoolSize(2).setSubscriptionConnectionMinimumIdleSize(0);
      RedissonClient client = Redisson.create(config);
      try (FunctionCalls direct = FunctionCalls.of(client, true)) {
        client.getFunction(StringCodec.INSTANCE).loadAndReplace("direct_function_calls_test", LIBRARY);
        assertInstanceOf(DirectFunctionCalls.class, direct);
        assertEquals(List.of(1L), direct.call("count", List.of("{dc:4}:n"), new Object[0]));
        assertEquals("1", client.getBucket("{dc:4}:n", StringCodec.INSTANCE).get(), "written in database 3");
      } finally {
        client.shutdown();
      }
    }
  }

  @Test
  void oneServerAndClustersAreServedSentinelACredentialsResolverOrRenamedCommandsStayWithRedisson() {
    Config cluster = new Config();
    cluster.useClusterServers().addNodeAddress("redis://10.0.0.7:7000");
    Config sentinel = new Config();
    sentinel.useSentinelServers().setMasterName("m").addSentinelAddress("redis://10.0.0.7:26379");
    assertTrue(DirectFunctionCalls.eligible(single(), new MasterSlaveServersConfig()));
    assertTrue(DirectFunctionCalls.eligible(cluster, new MasterSlaveServersConfig()));
    assertFalse(DirectFunctionCalls.eligible(sentinel, new MasterSlaveServersConfig()), "Sentinel");
    assertFalse(DirectFunctionCalls.eligible(single(), new MasterSlaveServersConfig()
        .setCredentialsResolver(address -> CompletableFuture.completedFuture(new Credentials("u", "p")))),
        "a credentials resolver");
    assertFalse(DirectFunctionCalls.eligible(single(), new MasterSlaveServersConfig().setCommandMapper(name -> "X" + name)),
        "renamed commands");
  }

  @Test
  void aServerIsReachedAsRedissonReachesItAndNotOverTls() {
    assertEquals(Optional.empty(), server(new RedisClientConfig().setAddress("rediss://127.0.0.1:6380")), "TLS");
    assertEquals(Optional.of(new DirectFunctionCalls.Server(new InetSocketAddress("127.0.0.1", 6380), Optional.of("app"),
        Optional.of("pw"), 2, Optional.of("node-a"))),
        server(new RedisClientConfig().setAddress("redis://app:pw@127.0.0.1:6380").setDatabase(2).setClientName("node-a")),
        "the credentials of the address");
    assertEquals(Optional.of(new DirectFunctionCalls.Server(new InetSocketAddress("127.0.0.1", 6381), Optional.empty(),
        Optional.of("s3cret"), 0, Optional.empty())),
        server(new RedisClientConfig().setAddress("redis://127.0.0.1:6381").setPassword("s3cret")),
        "the configuration's password");
  }

  @Test
  void onAClusterEachKeysCallGoesToTheMasterOfItsSlot() {
    try (FunctionCalls direct = FunctionCalls.of(CLUSTER.client(), true)) {
      assertInstanceOf(DirectFunctionCalls.class, direct, "a Cluster over redis://");
      for (int i = 0; i < 30; i++) {
        List<Object> keys = List.of("{dc:" + i + "}:a", "{dc:" + i + "}:b");
        assertEquals(List.of("key {dc:" + i + "}:a", "key {dc:" + i + "}:b", "arg " + i),
            direct.call("echo", keys, new Object[] {i}));
      }
      assertEquals(3, CLUSTER.redisCluster().nodes().stream().filter(node -> pipes(node) == 1).count(),
          "one connection to each master");
    }
  }

  @Test
  void aCallTheClusterRedirectsGoesThroughRedisson() {
    RedisServer first = CLUSTER.redisCluster().nodes().get(0);
    DirectFunctionCalls.Server toFirst = new DirectFunctionCalls.Server(new InetSocketAddress("127.0.0.1", first.port()),
        Optional.empty(), Optional.empty(), 0, Optional.empty());
    List<List<Object>> redirected = new ArrayList<>();
    FunctionCalls executor = FunctionCalls.of(CLUSTER.client());
    FunctionCalls throughRedisson = (function, keys, args) -> {
      redirected.add(keys);
      return executor.call(function, keys, args);
    };
    try (DirectFunctionCalls direct = new DirectFunctionCalls(key -> Optional.of(toFirst),
        new DirectFunctionCalls.Policy(1000, 3000, 3, RETRY_DELAY, NameMapper.direct()), throughRedisson)) {
      for (int i = 0; i < 30; i++) {
        List<Object> keys = List.of("{dc:" + i + "}:a");
        assertEquals(List.of("key {dc:" + i + "}:a", "arg x"), direct.call("echo", keys, new Object[] {"x"}));
      }
    }
    assertTrue(redirected.size() > 0 && redirected.size() < 30,
        "the keys of the other masters' slots, answered MOVED by the first: " + redirected.size());
  }

  @Test
  void theBackendsLastStoreToCloseClosesTheConnectionAndTheOptionTurnsItOff() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      RedissonClient client = Redissons.of(server);
      try {
        RedisBackend backend = RedisBackend.on(client);
        SagaStore first = backend.open("direct-1");
        SagaStore second = backend.open("direct-2");
        first.createSaga("a");
        second.createSaga("b");
        assertEquals(1, pipes(server), "both stores' calls share one connection");
        first.close();
        first.close();
        assertEquals(1, pipes(server), "the second store still calls");
        second.close();
        Eventually.until("the connection closed with the last store", () -> pipes(server) == 0);

        try (SagaStore pooled = RedisBackend.on(client, RedisOptions.defaults().withDirectConnection(false)).open("pooled")) {
          pooled.createSaga("s");
          assertTrue(pooled.load("s").isPresent());
          assertEquals(0, pipes(server), "turned off: the calls go through Redisson's pool");
        }
      } finally {
        client.shutdown();
      }
    }
  }

  private static void loadLibrary(RedisServer server) {
    loadLibrary(server, "direct_function_calls_test", LIBRARY);
  }

  /** Loads a Functions library into {@code server} (Redisson puts the header in front). */
  static void loadLibrary(RedisServer server, String name, String library) {
    Config config = new Config();
    config.useSingleServer().setAddress(server.uri()).setConnectionMinimumIdleSize(1).setConnectionPoolSize(1)
        .setSubscriptionConnectionMinimumIdleSize(0);
    RedissonClient client = Redisson.create(config);
    try {
      client.getFunction(StringCodec.INSTANCE).loadAndReplace(name, library);
    } finally {
      client.shutdown();
    }
  }

  private static Config single() {
    Config config = new Config();
    config.useSingleServer().setAddress("redis://10.0.0.7:6380");
    return config;
  }

  /** What the calls make of a Redisson client so configured, its address not resolved yet. */
  private static Optional<DirectFunctionCalls.Server> server(RedisClientConfig config) {
    return DirectFunctionCalls.server(config, null);
  }

  /**
   * The id of the newest connection whose last command was an FCALL: on a private server whose only
   * other clients load the library or ask for this list, the calls' own connection.
   */
  private static long lastCallingConnection(RedisServer server) throws Exception {
    Matcher id = Pattern.compile("(?m)^id=(\\d+) .* cmd=fcall ").matcher(server.command("CLIENT LIST"));
    long newest = -1;
    while (id.find()) {
      newest = Math.max(newest, Long.parseLong(id.group(1)));
    }
    assertTrue(newest >= 0, "no connection made an FCALL");
    return newest;
  }

  /** The open direct connections to {@code server}. */
  private static long pipes(RedisServer server) {
    return RedisPipe.openTo(server.port());
  }
}
