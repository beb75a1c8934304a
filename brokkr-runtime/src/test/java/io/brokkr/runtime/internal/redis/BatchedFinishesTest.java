package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The library's finish of several sagas in one call, end to end: sixteen attempts finish while Redis
 * is blocked, so that two finishes are out and the others queue behind them; Redis's slow log (every
 * command logged) tells which calls carried them.
 */
class BatchedFinishesTest {
  private static final int SAGAS = 16;
  private static final SagaTemplate HELD = SagaTemplate.named("Held").input("n", "String")
      .step("held").worker("Held").inputs("n").build();
  /** Held, then a step of a worker no node hosts: each finish queues one entry. */
  private static final SagaTemplate HELD_THEN_QUEUED = SagaTemplate.named("HeldThenQueued").input("n", "String")
      .step("held").worker("Held").inputs("n")
      .step("queued").worker("Elsewhere").dependsOn("held").build();

  private RedisServer server;
  private RedissonClient client;
  private final String namespace = "batched-" + UUID.randomUUID();

  @BeforeEach
  void startRedis() throws Exception {
    server = RedisServer.start(List.of("--enable-debug-command", "yes", "--slowlog-log-slower-than", "0",
        "--slowlog-max-len", "100000"));
    client = Redissons.of(server);
  }

  @AfterEach
  void stopRedis() {
    client.shutdown();
    server.close();
  }

  @Test
  void finishesThatQueuedBehindTheCallsOutGoInOneCallAndEachSagaEndsAsItWouldAlone() throws Exception {
    runHeldSagas(RedisOptions.defaults());

    assertTrue(server.command("SLOWLOG GET 100000").contains("_finish_many"), "a call carried several finishes");
  }

  @Test
  void theFinishesOfOneCallReadTheServersTimeOnce() throws Exception {
    // Counted from when every step runs: only the finishes (and the calls they make) read it then.
    runHeldSagas(RedisOptions.defaults(), () -> server.command("CONFIG RESETSTAT"));

    long reads = calls("time");
    assertTrue(reads > 0 && reads < SAGAS, "the server's time read " + reads + " times for " + SAGAS
        + " finishes, some in one call: once a call, not once a finish");
  }

  @Test
  void theFinishesOfOneCallQueueTheirStepsUnderSequenceNumbersOfTheirOwn() throws Exception {
    // One partition: every finish of a call takes its entry's number from the one the finish before wrote.
    // Counted from when every step runs: only the finishes read the sequence then.
    runHeld(HELD_THEN_QUEUED, RedisOptions.defaults().withPartitions(1), () -> server.command("CONFIG RESETSTAT"),
        sagas -> Eventually.until("every next step queued", () -> readyEntries().size() == SAGAS));

    List<String> numbers = readyEntries().stream().map(entry -> entry.split("\n")[1]).toList();
    assertEquals(SAGAS, Set.copyOf(numbers).size(), "each queued step has a number of its own: " + numbers);
    long reads = calls("get");
    assertTrue(reads > 0 && reads < SAGAS, "the ready sequence read " + reads + " times for " + SAGAS
        + " finishes, some in one call: once a call, not once a finish");
    assertTrue(server.command("SLOWLOG GET 100000").contains("_finish_many"), "a call carried several finishes");
  }

  @Test
  void withBatchingOffEachFinishHasACallOfItsOwn() throws Exception {
    runHeldSagas(RedisOptions.defaults().withFinishBatching(false));

    assertFalse(server.command("SLOWLOG GET 100000").contains("_finish_many"), "no call carried several finishes");
  }

  /**
   * Starts {@link #SAGAS} sagas whose one step waits until all run, blocks Redis, lets the steps end
   * while it sleeps, and checks that every saga finished with its own step's result.
   */
  private void runHeldSagas(RedisOptions options) throws Exception {
    runHeldSagas(options, () -> "");
  }

  /** As {@link #runHeldSagas(RedisOptions)}, running {@code stepsRunning} once every step runs. */
  private void runHeldSagas(RedisOptions options, Callable<?> stepsRunning) throws Exception {
    runHeld(HELD, options, stepsRunning, sagas -> {
      for (int i = 0; i < SAGAS; i++) {
        SagaOutcome outcome = sagas.get(i).outcome().get(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(SagaStatus.FINISHED, outcome.status(), outcome.toString());
        assertEquals("done-" + i, outcome.results().get("held", String.class));
      }
    });
  }

  /** What a test checks of the held sagas once their held steps were let go, before the node closes. */
  private interface Released {
    void check(List<SagaHandle<StepResults>> sagas) throws Exception;
  }

  /**
   * Starts {@link #SAGAS} sagas of {@code template}, whose step "held" waits until all run; runs
   * {@code stepsRunning} then, blocks Redis and lets the held steps end while it sleeps, so that
   * their finishes queue behind the calls out; then {@code released}.
   */
  private void runHeld(SagaTemplate template, RedisOptions options, Callable<?> stepsRunning, Released released)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    try (Brokkr brokkr = Brokkr.builder().namespace(namespace).concurrency(SAGAS)
        .build(RedisBackend.on(client, options))) {
      brokkr.registerWorker(Worker.sync("Held", inv -> {
        running.incrementAndGet();
        go.await();
        return "done-" + inv.arg(0, String.class);
      }));
      List<SagaHandle<StepResults>> sagas = new ArrayList<>();
      for (int i = 0; i < SAGAS; i++) {
        sagas.add(brokkr.start(template, Map.of("n", String.valueOf(i))));
      }
      Eventually.until("every step running", () -> running.get() == SAGAS);
      stepsRunning.call();
      CompletableFuture<String> sleep = server.sleep("0.5", Eventually.PATIENCE);
      go.countDown();
      released.check(sagas);
      sleep.join();
    }
  }

  /** How many times Redis ran {@code command}, scripts' calls included, since its stats were reset. */
  private long calls(String command) throws IOException {
    Matcher calls = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(server.command("INFO commandstats"));
    return calls.find() ? Long.parseLong(calls.group(1)) : 0;
  }

  /** The entries of the one partition's ready set. */
  private List<String> readyEntries() {
    String reply;
    try {
      reply = server.command("ZRANGE {" + namespace + ":0}:ready 0 -1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Each entry is a bulk string of its own ("worker\nnumber\nsaga\nstep"), between CRLFs.
    return Arrays.stream(reply.split("\r\n")).filter(item -> item.startsWith("Elsewhere\n")).toList();
  }
}
