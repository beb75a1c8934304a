package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.StoreBackend;
import io.brokkr.runtime.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The ACL rule of the README, on a real server: Brokkr works as a user limited to its namespace's
 * keys and channels without dangerous commands, and that user can reach nothing else.
 */
class AclTest {
  /** Longer than any test: no sweep, no pass-on. */
  private static final Duration NO_SWEEP = Duration.ofMinutes(10);
  /** The rule the README gives for namespace {@code hammers}. */
  static final String RULE = "ACL SETUSER brokkr on >s3cret resetkeys resetchannels ~{hammers:* &{hammers:* &{hammers:events}:n:* +@all -@dangerous";

  @Test
  void brokkrRunsAsAUserLimitedToItsNamespace() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE));
      RedissonClient client = Redissons.of(server, "brokkr", "s3cret");
      RedissonClient watching = Redissons.of(server, "brokkr", "s3cret");
      try (Brokkr brokkr = Brokkr.redis(client, "hammers"); Brokkr watcher = Brokkr.redis(watching, "hammers")) {
        // A node with a listener hears every saga of the namespace, here one another node started: it
        // subscribes to the inboxes' pattern, which the rule must allow.
        List<String> settled = settledSagas(watcher);
        hostHammerWorkers(brokkr);
        var handle = startHammer(brokkr);
        assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
        Eventually.until("the watching node hears the other node's saga settle", () -> !settled.isEmpty());
        assertEquals(List.of(handle.sagaId() + " FINISHED"), settled);
      } finally {
        client.shutdown();
        watching.shutdown();
      }

      String auth = "AUTH brokkr s3cret\r\n";
      assertTrue(server.command(auth + "GET orders").contains("-NOPERM"), "another key");
      assertTrue(server.command(auth + "PUBLISH {orders:events} x").contains("-NOPERM"), "another channel");
      assertTrue(server.command(auth + "FLUSHALL").contains("-NOPERM"), "a dangerous command");
      assertTrue(server.command(auth + "HGET {hammers:meta} partitions").contains("16"), "its own keys");
      assertTrue(server.command("INFO commandstats").contains("cmdstat_fcall:"), "the rule lets it call its functions");
    }
  }

  @Test
  void aUserNotAllowedToLoadFunctionsRunsTheTransitionsAsScripts() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE + " -function"));
      RedissonClient client = Redissons.of(server, "brokkr", "s3cret");
      try (Brokkr brokkr = Brokkr.redis(client, "hammers")) {
        hostHammerWorkers(brokkr);
        assertEquals(SagaStatus.FINISHED, startHammer(brokkr).outcome().get(30, TimeUnit.SECONDS).status());
      } finally {
        client.shutdown();
      }
      assertEquals("*0\r\n", server.command("FUNCTION LIST"), "no library was loaded");
      Map<String, Long> calls = HammerFiguresTest.commandStats(server);
      assertEquals(0L, calls.getOrDefault("fcall", 0L), "no transition was called as a function: " + calls);
      assertTrue(calls.getOrDefault("evalsha", 0L) >= 4, "the transitions ran as scripts: " + calls);
    }
  }

  @Test
  void aUserWhoseFunctionsAreTakenAwayWhileItRunsGoesOnWithScripts() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE));
      RedissonClient client = Redissons.of(server, "brokkr", "s3cret");
      try (Brokkr brokkr = Brokkr.redis(client, "hammers")) {
        hostHammerWorkers(brokkr);
        assertEquals(SagaStatus.FINISHED, startHammer(brokkr).outcome().get(30, TimeUnit.SECONDS).status());
        // The user may no longer load functions, and the library is gone: the next transition finds no
        // function, loading the library again is refused, and it runs as a script, as do those after it.
        assertEquals("+OK\r\n", server.command("ACL SETUSER brokkr -function"));
        assertEquals("+OK\r\n", server.command("FUNCTION FLUSH"));
        assertEquals("+OK\r\n", server.command("CONFIG RESETSTAT"));
        for (int i = 0; i < 2; i++) {
          assertEquals(SagaStatus.FINISHED, startHammer(brokkr).outcome().get(30, TimeUnit.SECONDS).status());
        }
      } finally {
        client.shutdown();
      }
      assertEquals("*0\r\n", server.command("FUNCTION LIST"), "the library was not loaded again");
      Map<String, Long> calls = HammerFiguresTest.commandStats(server);
      Map<String, Long> failed = HammerFiguresTest.commandStats(server, "failed_calls");
      assertEquals(failed.getOrDefault("fcall", 0L), calls.getOrDefault("fcall", 0L),
          "no transition ran as a function after the library was gone: " + calls + " failed " + failed);
      assertTrue(calls.getOrDefault("evalsha", 0L) >= 8, "both sagas' transitions ran as scripts: " + calls);
    }
  }

  @Test
  void aListenerWhosePatternWasRefusedHearsEverySagaOnceTheRuleAllowsIt() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE.replace(" &{hammers:events}:n:*", "")));
      RedissonClient client = Redissons.of(server, "brokkr", "s3cret");
      RedissonClient watching = Redissons.of(server, "brokkr", "s3cret");
      try (Brokkr brokkr = Brokkr.redis(client, "hammers"); Brokkr watcher = Brokkr.redis(watching, "hammers")) {
        List<String> settled = settledSagas(watcher);
        // The subscription was refused (logged); the watcher's sweep asks again once a second.
        assertEquals("+OK\r\n", server.command("ACL SETUSER brokkr &{hammers:events}:n:*"));
        hostHammerWorkers(brokkr);
        // Sagas started before the retry subscribed are not heard: start one every 200 ms until one is.
        List<String> started = new CopyOnWriteArrayList<>();
        long[] lastStart = {System.nanoTime() - TimeUnit.SECONDS.toNanos(1)};
        Eventually.until("the watcher hears a saga of the other node", () -> {
          if (started.stream().anyMatch(id -> settled.contains(id + " FINISHED"))) {
            return true;
          }
          if (System.nanoTime() - lastStart[0] > TimeUnit.MILLISECONDS.toNanos(200)) {
            lastStart[0] = System.nanoTime();
            started.add(startHammer(brokkr).sagaId());
          }
          return false;
        });
      } finally {
        client.shutdown();
        watching.shutdown();
      }
    }
  }

  @Test
  void aUserWithoutChannelsReadsTheNamespace() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE));
      // The namespace's keys and no channel: no SUBSCRIBE, no PUBLISH.
      assertEquals("+OK\r\n", server.command("ACL SETUSER reader on >s3cret resetkeys resetchannels ~{hammers:* +@all"
          + " -@dangerous"));
      RedissonClient client = Redissons.of(server, "brokkr", "s3cret");
      RedissonClient reading = Redissons.of(server, "reader", "s3cret");
      try (Brokkr brokkr = Brokkr.redis(client, "hammers")) {
        hostHammerWorkers(brokkr);
        String sagaId = startHammer(brokkr).sagaId();
        assertEquals(SagaStatus.FINISHED, brokkr.getSaga(sagaId).orElseThrow().getOutcome().get(30, TimeUnit.SECONDS)
            .status());
        // A view that only reads (the CLI's list, count, show, history) subscribes to nothing, so it opens.
        try (Brokkr reader = Brokkr.redis(reading, "hammers")) {
          assertEquals(1L, reader.countSagas().get(SagaStatus.FINISHED));
          assertEquals(List.of(sagaId), reader.findSagas(SagaQuery.all()).sagas().stream().map(s -> s.sagaId()).toList());
          Saga saga = reader.getSaga(sagaId).orElseThrow();
          assertEquals(SagaStatus.FINISHED, saga.getStatus());
          assertTrue(saga.getHistory().size() > 3, saga.getHistory().toString());
        }
      } finally {
        client.shutdown();
        reading.shutdown();
      }
    }
  }

  /**
   * A node whose user may not {@code SSUBSCRIBE} cannot hear its own channels of a worker, but still
   * subscribes to the worker's channel, where the scripts, finding nobody on the creator's channel,
   * send the heads: it runs another node's step with no sweep to find it. Builds of the thirty-fourth
   * round subscribed to neither once their own channel failed.
   */
  @Test
  void aNodeRefusedItsShardedChannelsStillHearsItsWorkersChannel() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE));
      addRunnerWithoutSsubscribe(server);
      RedissonClient creating = Redissons.of(server, "brokkr", "s3cret");
      RedissonClient running = Redissons.of(server, "runner", "s3cret");
      try (Brokkr creator = node("creator", creating, NO_SWEEP);
          Brokkr runner = node("runner", running, NO_SWEEP)) {
        runner.registerWorker(Worker.sync("Step", inv -> "done"));
        String workerChannel = new KeyLayout("hammers", RedisOptions.DEFAULT_PARTITIONS).workerChannel("Step");
        Eventually.until("the runner listens on the worker's channel",
            () -> creating.getTopic(workerChannel).countSubscribers() == 1);

        var handle = creator.start(SagaTemplate.named("One").step("one").worker("Step").build(), Map.of());
        assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
      } finally {
        creating.shutdown();
        running.shutdown();
      }
      assertTrue(server.command("AUTH runner s3cret\r\nSSUBSCRIBE {hammers:0}:w:Step:n:s1").contains("-NOPERM"),
          "the runner's own channels were refused");
    }
  }

  /**
   * A refused subscription is asked again by the sweep, not by every claim: a runner whose ACL user
   * lacks {@code SSUBSCRIBE}, with no sweep, runs five sagas of another node and is refused once
   * (Redis's ACL log counts the refusals). Builds of the thirty-fifth round asked at every claim, a
   * round trip and a warning each.
   */
  @Test
  void aRefusedSubscriptionIsNotAskedAgainByEveryClaim() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      assertEquals("+OK\r\n", server.command(RULE));
      addRunnerWithoutSsubscribe(server);
      RedissonClient creating = Redissons.of(server, "brokkr", "s3cret");
      RedissonClient running = Redissons.of(server, "runner", "s3cret");
      try (Brokkr creator = Brokkr.redis(creating, "hammers"); Brokkr runner = node("runner", running, NO_SWEEP)) {
        runner.registerWorker(Worker.sync("Step", inv -> "done"));
        for (int i = 0; i < 5; i++) {
          var handle = creator.start(SagaTemplate.named("One").step("one").worker("Step").build(), Map.of());
          assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());
        }
      } finally {
        creating.shutdown();
        running.shutdown();
      }
      assertEquals(1, refusals(server, "runner", "ssubscribe"));
    }
  }

  /** The sweep asks again for a subscription that was refused: each sweep of an idle runner is refused once more. */
  @Test
  void theSweepAsksAgainForARefusedSubscription() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      addRunnerWithoutSsubscribe(server);
      RedissonClient running = Redissons.of(server, "runner", "s3cret");
      try (Brokkr runner = node("runner", running, Duration.ofMillis(100))) {
        runner.registerWorker(Worker.sync("Step", inv -> "done"));
        Eventually.until("the sweeps ask again", () -> refusals(server, "runner", "ssubscribe") >= 3);
      } finally {
        running.shutdown();
      }
    }
  }

  /** Adds the user "runner": the README's rule but {@code SSUBSCRIBE}, so that its own channels of a worker are refused. */
  private static void addRunnerWithoutSsubscribe(RedisServer server) throws IOException {
    assertEquals("+OK\r\n", server.command(RULE.replace("SETUSER brokkr", "SETUSER runner") + " -ssubscribe"));
  }

  /** A node of namespace "hammers" on {@code client} that sweeps every {@code sweep} and passes no head on. */
  private static Brokkr node(String id, RedissonClient client, Duration sweep) {
    StoreBackend stores = new RedisStores(client, RedisOptions.defaults(), sweep, NO_SWEEP)::open;
    return Brokkr.builder().namespace("hammers").nodeId(id).build(stores);
  }

  /** How many times Redis refused {@code user} the command {@code command}, as its ACL log counts them. */
  private static long refusals(RedisServer server, String user, String command) {
    // ACL LOG answers an array of entries, each an array of field names and values in RESP lines;
    // Redis counts repeated refusals of one user and command in one entry.
    String[] lines;
    try {
      lines = server.command("ACL LOG").split("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long refused = 0;
    long count = 0;
    String object = null;
    for (int i = 0; i < lines.length - 2; i++) {
      switch (lines[i]) {
        case "count" -> count = Long.parseLong(lines[i + 1].substring(1));
        case "object" -> object = lines[i + 2];
        case "username" -> refused += command.equals(object) && user.equals(lines[i + 2]) ? count : 0;
        default -> { }
      }
    }
    return refused;
  }

  /** The sagas {@code node}'s listener saw settle, as "id STATUS". */
  private static List<String> settledSagas(Brokkr node) {
    List<String> settled = new CopyOnWriteArrayList<>();
    node.addListener(new SagaListener() {
      @Override
      public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
        if (to.isSettled()) {
          settled.add(sagaId + " " + to);
        }
      }
    });
    return settled;
  }

  private static void hostHammerWorkers(Brokkr node) {
    node.registerWorkers(
        Worker.sync("HammerHeadFactory", inv -> "head"),
        Worker.sync("HandleFactory", inv -> "handle"),
        Worker.sync("HammerFactory", inv -> inv.dependencyResults()));
  }

  private static SagaHandle<StepResults> startHammer(Brokkr node) {
    return node.start(HammerFiguresTest.hammer(), Map.of("headType", "ThunderBestowed", "handleSize", "short"));
  }
}
