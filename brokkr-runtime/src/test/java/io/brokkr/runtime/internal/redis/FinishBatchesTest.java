package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.testing.Eventually;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.codec.StringCodec;

/**
 * Finishes batched on a real Redis, with functions of the finish's call shapes: {@code fb_one} answers
 * its first argument (and refuses {@code boom}), {@code fb_many} does so for every finish it carries
 * (and refuses the whole batch for one {@code boom}), {@code fb_slow_many} takes 400 ms.
 */
class FinishBatchesTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private static final String LIBRARY = """
      redis.register_function('fb_one', function(keys, args)
        if args[1] == 'boom' then return redis.error_reply('BROKKR boom') end
        return { 'one', args[1] }
      end)
      redis.register_function('fb_many', function(keys, args)
        local replies, a = {}, 2
        for i = 1, tonumber(args[1]) do
          local na = tonumber(args[a + 1])
          if args[a + 2] == 'boom' then return redis.error_reply('BROKKR boom in a batch') end
          replies[i] = { 'many', args[a + 2] }
          a = a + 2 + na
        end
        return replies
      end)
      redis.register_function('fb_slow_many', function(keys, args)
        local t = redis.call('TIME')
        local until_us = tonumber(t[1]) * 1000000 + tonumber(t[2]) + 400000
        repeat
          t = redis.call('TIME')
        until tonumber(t[1]) * 1000000 + tonumber(t[2]) >= until_us
        return {}
      end)
      """;
  private static final List<Object> KEYS = List.of("{fb:1}:saga", "{fb:1}:rq");

  private final FunctionCalls calls = FunctionCalls.of(REDIS.client(), true);
  private final ExecutorService threads = Executors.newCachedThreadPool();
  /** The first arguments of the finishes that went alone, and of those that went in batches. */
  private final List<Object> alone = new ArrayList<>();
  private final List<Object> batched = new ArrayList<>();
  private final AtomicInteger batchCalls = new AtomicInteger();
  private final CountDownLatch hold = new CountDownLatch(1);
  private final AtomicInteger holding = new AtomicInteger();

  @BeforeAll
  static void loadLibrary() {
    REDIS.client().getFunction(StringCodec.INSTANCE).loadAndReplace("finish_batches_test", LIBRARY);
  }

  @AfterEach
  void close() throws Exception {
    hold.countDown();
    threads.shutdownNow();
    calls.close();
  }

  /** Batches over {@code many}; a finish named {@code hold} waits in its call until the test lets go. */
  private FinishBatches batches(FunctionCalls manyCalls, String many) {
    return new FinishBatches((keys, args) -> {
      batchCalls.incrementAndGet();
      synchronized (batched) {
        for (int a = 1; a < args.length; a += 2 + Integer.parseInt(String.valueOf(args[a + 1]))) {
          batched.add(args[a + 2]);
        }
      }
      return manyCalls.call(many, keys, args);
    }, (keys, args) -> {
      synchronized (alone) {
        alone.add(args[0]);
      }
      if (args[0].equals("hold")) {
        holding.incrementAndGet();
        await(hold);
      }
      return calls.call("fb_one", keys, args);
    });
  }

  @Test
  void aFinishThatFindsNothingOutGoesAtOnceInACallOfItsOwn() {
    FinishBatches batches = batches(calls, "fb_many");

    assertEquals(List.of("one", "a"), batches.call(KEYS, new Object[] {"a", 7L}));
    assertEquals(List.of("a"), alone);
    assertEquals(0, batchCalls.get());
  }

  @Test
  void finishesThatComeWhileTheCallsAreOutGoTogetherInTheNextCall() throws Exception {
    FinishBatches batches = batches(calls, "fb_many");
    List<CompletableFuture<List<Object>>> held = holdBothCalls(batches);

    Map<String, CompletableFuture<List<Object>>> queued = queue(batches, List.of("x0", "x1", "x2", "x3", "x4", "x5",
        "x6", "x7", "x8", "x9"));
    hold.countDown();

    for (CompletableFuture<List<Object>> finish : held) {
      assertEquals(List.of("one", "hold"), finish.join());
    }
    queued.forEach((name, finish) -> assertEquals(List.of("many", name), finish.join()));
    assertEquals(List.of("hold", "hold"), alone, "only the held finishes went alone");
    assertEquals(queued.keySet(), new HashSet<>(batched));
    assertEquals(10, batched.size());
    assertTrue(batchCalls.get() <= 2, "the ten queued finishes in one call, or two: " + batchCalls.get());
  }

  @Test
  void aBatchRedisRefusesSendsEachOfItsFinishesAloneAndOnlyTheRefusedOneFails() throws Exception {
    FinishBatches batches = batches(calls, "fb_many");
    List<CompletableFuture<List<Object>>> held = holdBothCalls(batches);

    Map<String, CompletableFuture<List<Object>>> queued = queue(batches, List.of("a", "boom", "c"));
    hold.countDown();
    held.forEach(CompletableFuture::join);

    assertEquals(List.of("one", "a"), queued.get("a").join());
    assertEquals(List.of("one", "c"), queued.get("c").join());
    Throwable refused = assertThrowsCompletion(queued.get("boom"));
    assertInstanceOf(RedisException.class, refused);
    assertTrue(refused.getMessage().contains("BROKKR boom"), refused.getMessage());
    assertEquals(List.of("a", "boom", "c"), alone.subList(2, alone.size()).stream().sorted().toList());
  }

  @Test
  void aBatchRedisDoesNotAnswerFailsEachOfItsFinishesWithoutSendingThemAlone() throws Exception {
    try (RedisServer server = RedisServer.start(List.of());
        DirectFunctionCalls hasty = DirectFunctionCallsTest.calls(server, 100, 0)) {
      DirectFunctionCallsTest.loadLibrary(server, "finish_batches_test", LIBRARY);
      FinishBatches batches = batches(hasty, "fb_slow_many");
      List<CompletableFuture<List<Object>>> held = holdBothCalls(batches);

      Map<String, CompletableFuture<List<Object>>> queued = queue(batches, List.of("a", "b", "c"));
      hold.countDown();
      held.forEach(CompletableFuture::join);

      for (CompletableFuture<List<Object>> finish : queued.values()) {
        assertInstanceOf(RedisTimeoutException.class, assertThrowsCompletion(finish));
      }
      assertEquals(List.of("hold", "hold"), alone, "no finish of the batch went alone after it");
    }
  }

  @Test
  void aFinishInterruptedWhileQueuedIsTakenOutAndFailsAndTheOthersStillGo() throws Exception {
    FinishBatches batches = batches(calls, "fb_many");
    List<CompletableFuture<List<Object>>> held = holdBothCalls(batches);
    Map<String, CompletableFuture<List<Object>>> queued = queue(batches, List.of("a", "b"));
    CompletableFuture<Thread> quitter = new CompletableFuture<>();
    CompletableFuture<List<Object>> interrupted = CompletableFuture.supplyAsync(() -> {
      quitter.complete(Thread.currentThread());
      return batches.call(KEYS, new Object[] {"quits", 1L});
    }, threads);
    Eventually.until("the third finish queued", () -> batches.queued() == 3);

    quitter.join().interrupt();
    Throwable quit = assertThrowsCompletion(interrupted);
    assertInstanceOf(RedisException.class, quit);
    assertTrue(quit.getMessage().startsWith("Interrupted before the finish was sent"), quit.getMessage());
    assertEquals(2, batches.queued(), "taken out of the queue");
    hold.countDown();

    held.forEach(CompletableFuture::join);
    queued.forEach((name, finish) -> assertEquals(List.of("many", name), finish.join()));
    assertEquals(List.of("a", "b"), batched.stream().sorted().toList(), "the batch did not carry it");
  }

  /** Starts two finishes that each take one of the calls and wait in it until {@link #hold} opens. */
  private List<CompletableFuture<List<Object>>> holdBothCalls(FinishBatches batches) {
    List<CompletableFuture<List<Object>>> held = new ArrayList<>();
    for (int i = 1; i <= FinishBatches.IN_FLIGHT; i++) {
      // One after the other: two queued at once would go together.
      held.add(CompletableFuture.supplyAsync(() -> batches.call(KEYS, new Object[] {"hold"}), threads));
      int out = i;
      Eventually.until("call " + out + " out", () -> holding.get() == out);
    }
    return held;
  }

  /** Starts one finish a name and waits until all of them are queued. */
  private Map<String, CompletableFuture<List<Object>>> queue(FinishBatches batches, List<String> names) {
    Map<String, CompletableFuture<List<Object>>> queued = new ConcurrentHashMap<>();
    for (String name : names) {
      queued.put(name, CompletableFuture.supplyAsync(() -> batches.call(KEYS, new Object[] {name, 1L}), threads));
    }
    Eventually.until("every finish queued", () -> batches.queued() == names.size());
    return queued;
  }

  private static Throwable assertThrowsCompletion(CompletableFuture<?> finish) {
    try {
      finish.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("the finish did not fail");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
