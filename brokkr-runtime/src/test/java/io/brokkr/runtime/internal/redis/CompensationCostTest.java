package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * During compensation too, a completion costs in proportion to the step's dependencies, not to the
 * saga's size: the Redis commands (scripts and the commands they run, from {@code INFO
 * commandstats}) per compensator that finishes stay flat from 10 to 1,000 finished steps.
 */
class CompensationCostTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10));

  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Test
  void commandsPerCompensatorRunDoNotGrowWithTheSagasWidth() throws Exception {
    SagaStore store = RedisBackend.on(REDIS.client()).open("compensation-cost-" + UUID.randomUUID());
    try {
      commandsPerCompensatorRun(store, 10); // warm-up: scripts loaded
      double narrow = commandsPerCompensatorRun(store, 10);
      double wide = commandsPerCompensatorRun(store, 1_000);
      // Walking every step, which read them 500 a command, made it 9.4 at 10 steps and 13.1 at 1,000.
      assertTrue(wide <= narrow + 0.5,
          "Redis commands per compensator run: " + narrow + " at 10 steps, " + wide + " at 1,000");
    } finally {
      store.close();
    }
  }

  /**
   * A root, {@code width} leaves after it and a step that fails once they all finished; every step
   * has a compensator. Counts the commands of finishing the leaves' compensators, per compensator.
   */
  private static double commandsPerCompensatorRun(SagaStore store, int width) throws Exception {
    String saga = "wide-" + width + "-" + UUID.randomUUID();
    store.createSaga(saga);
    store.addStep(saga, spec("root", List.of()));
    store.addCompensator(saga, "root", spec("undo-root", List.of()));
    for (int i = 0; i < width; i++) {
      store.addStep(saga, spec("leaf-" + i, List.of("root")));
      store.addCompensator(saga, "leaf-" + i, spec("undo-leaf-" + i, List.of()));
    }
    store.addStep(saga, spec("boom", List.of()));
    store.start(saga);
    finish(store, saga, "root");
    for (int i = 0; i < width; i++) {
      finish(store, saga, "leaf-" + i);
    }
    store.fail(new StepRef(saga, "boom"), Settler.external(), "boom", NOW);

    Map<String, Long> before = HammerFiguresTest.commandStats(REDIS.redisServer());
    for (int i = 0; i < width; i++) {
      finish(store, saga, "undo-leaf-" + i);
    }
    Map<String, Long> commands = HammerFiguresTest.delta(HammerFiguresTest.commandStats(REDIS.redisServer()), before);

    assertEquals(StepStatus.QUEUED, status(store, saga, "undo-root"));
    finish(store, saga, "undo-root");
    assertEquals(SagaStatus.COMPENSATED, store.load(saga).orElseThrow().status());
    return (double) commands.values().stream().mapToLong(Long::longValue).sum() / width;
  }

  private static StepSpec spec(String id, List<String> dependsOn) {
    return new StepSpec(id, "w", dependsOn, "[]", ONCE, Optional.empty());
  }

  private static void finish(SagaStore store, String saga, String step) {
    assertTrue(store.finish(new StepRef(saga, step), Settler.external(), Optional.of("1")).applied(), step);
  }

  private static StepStatus status(SagaStore store, String saga, String step) {
    return store.load(saga).orElseThrow().steps().stream()
        .filter(s -> s.spec().stepId().equals(step)).findFirst().orElseThrow().status();
  }
}
