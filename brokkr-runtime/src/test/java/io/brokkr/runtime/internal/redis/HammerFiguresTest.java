package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.SagaStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Measures the hammer saga on a real redis-server: Redis commands and round trips per step (from
 * {@code INFO commandstats} and the store's own count of requests), and the memory a settled saga
 * takes ({@code MEMORY USAGE}). Prints the figures and writes them to
 * {@code target/redis-hammer-figures.txt}; asserts the round-trip goal of the hot path, and that no outcome
 * was read back.
 */
class HammerFiguresTest {
  private static final int WARM_UP = 50;
  private static final int SAGAS = 500;
  private static final int STEPS = 3;

  static SagaTemplate hammer() {
    return SagaTemplate.named("Hammer")
        .input("headType", "String")
        .input("handleSize", "String")
        .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
        .step("handle").worker("HandleFactory").inputs("handleSize")
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .build();
  }

  @Test
  void hammerSagaFigures() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      RedissonClient client = Redissons.of(server);
      String namespace = "figures-" + UUID.randomUUID();
      // One backend: its request count covers the node and the store that reads it.
      RequestCounts trips = new RequestCounts();
      RedisBackend backend = RedisBackend.on(client, RedisOptions.defaults().withCallListener(trips));
      try (Brokkr brokkr = Brokkr.builder().namespace(namespace).build(backend);
          SagaStore store = backend.open(namespace)) {
        brokkr.registerWorkers(
            Worker.sync("HammerHeadFactory", inv -> Map.of("headId", "head-" + inv.arg(0, String.class))),
            Worker.sync("HandleFactory", inv -> Map.of("handleId", "handle-" + inv.arg(0, String.class))),
            Worker.sync("HammerFactory", inv -> Map.of("hammerId", "hammer", "parts", inv.dependencyResults())));
        run(brokkr, WARM_UP);

        Map<String, Long> commandsBefore = commandStats(server);
        Map<String, Long> tripsBefore = trips.snapshot();
        List<String> sagaIds = run(brokkr, SAGAS);
        Map<String, Long> commands = delta(commandStats(server), commandsBefore);
        Map<String, Long> requests = delta(trips.snapshot(), tripsBefore);

        String sagaKey = new KeyLayout(namespace, 16).sagaKey(sagaIds.get(0));
        long memory = memoryUsage(server, sagaKey);
        long memorySum = 0;
        for (String id : sagaIds.subList(0, 100)) {
          memorySum += memoryUsage(server, new KeyLayout(namespace, 16).sagaKey(id));
        }
        String report = report(commands, requests, memory, memorySum / 100, sagaKey);
        System.out.println(report);
        Files.writeString(Path.of("target", "redis-hammer-figures.txt"), report);

        double hotPath = (double) (requests.getOrDefault("claim", 0L) + requests.getOrDefault("finish", 0L))
            / (SAGAS * STEPS);
        assertTrue(hotPath <= 3.0, "round trips per step on the hot path: " + hotPath);
        // The node ran every step of the sagas it started: each outcome came with the reply of the call that settled it.
        assertEquals(0L, requests.getOrDefault("load", 0L), "sagas read back for their outcomes: " + requests);
      } finally {
        client.shutdown();
      }
    }
  }

  private static List<String> run(Brokkr brokkr, int sagas) throws Exception {
    List<SagaHandle<StepResults>> handles = new ArrayList<>();
    for (int i = 0; i < sagas; i++) {
      handles.add(brokkr.start(hammer(), Map.of("headType", "ThunderBestowed", "handleSize", "short")));
    }
    List<String> ids = new ArrayList<>();
    for (SagaHandle<StepResults> handle : handles) {
      assertEquals(SagaStatus.FINISHED, handle.outcome().get(60, TimeUnit.SECONDS).status());
      ids.add(handle.sagaId());
    }
    return ids;
  }

  private static String report(Map<String, Long> commands, Map<String, Long> requests, long memory, long averageMemory,
      String sagaKey) {
    long steps = (long) SAGAS * STEPS;
    long allCommands = commands.values().stream().mapToLong(Long::longValue).sum();
    long allRequests = requests.values().stream().mapToLong(Long::longValue).sum();
    long hot = requests.getOrDefault("claim", 0L) + requests.getOrDefault("finish", 0L);
    StringBuilder out = new StringBuilder();
    out.append("Hammer saga on Redis: ").append(SAGAS).append(" sagas, ").append(steps)
        .append(" steps (head, handle, hammer; the head's compensator is skipped)\n");
    out.append(String.format("round trips per step, hot path (claim + finish): %.2f%n", (double) hot / steps));
    out.append(String.format("round trips per step, everything (create, add, start, outcome loads, sweeps): %.2f%n",
        (double) allRequests / steps));
    out.append(String.format("Redis commands per step (commandstats, script calls and commands inside them): %.2f%n",
        (double) allCommands / steps));
    out.append(String.format("script calls per step (FCALL and EVALSHA): %.2f%n",
        (double) (commands.getOrDefault("fcall", 0L) + commands.getOrDefault("evalsha", 0L)) / steps));
    out.append("requests by kind: ").append(requests).append('\n');
    out.append("commands by name: ").append(commands).append('\n');
    out.append("memory of a settled hammer saga (MEMORY USAGE ").append(sagaKey).append(" SAMPLES 0): ")
        .append(memory).append(" bytes; average over 100: ").append(averageMemory).append(" bytes\n");
    return out.toString();
  }

  static Map<String, Long> commandStats(RedisServer server) throws IOException {
    return commandStats(server, "calls");
  }

  /** {@code figure} (calls, failed_calls, ...) of each command in INFO commandstats, by command. */
  static Map<String, Long> commandStats(RedisServer server, String figure) throws IOException {
    Map<String, Long> figures = new TreeMap<>();
    for (String line : server.command("INFO commandstats").split("\r\n")) {
      if (line.startsWith("cmdstat_")) {
        int colon = line.indexOf(':');
        // Each figure follows the colon or a comma: "cmdstat_get:calls=3,usec=9,...,failed_calls=0".
        for (String pair : line.substring(colon + 1).split(",")) {
          if (pair.startsWith(figure + "=")) {
            figures.put(line.substring("cmdstat_".length(), colon), Long.parseLong(pair.substring(figure.length() + 1)));
          }
        }
      }
    }
    return figures;
  }

  static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> delta = new TreeMap<>();
    after.forEach((name, count) -> {
      long d = count - before.getOrDefault(name, 0L);
      if (d > 0 && !name.equals("info") && !name.startsWith("memory")) {
        delta.put(name, d);
      }
    });
    return delta;
  }

  private static long memoryUsage(RedisServer server, String key) throws IOException {
    String reply = server.command("MEMORY USAGE " + key + " SAMPLES 0").trim();
    return Long.parseLong(reply.substring(1));
  }
}
