package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplateBuilder;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A completion costs in proportion to the finished step's dependents, not to the saga's size: the
 * Redis commands per step (scripts and the commands they run, from {@code INFO commandstats}) of a
 * fan-out stay flat from 10 to 1,000 steps joined by one.
 */
class CompletionCostTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Test
  void commandsPerStepOfAFanOutDoNotGrowWithItsWidth() throws Exception {
    try (Brokkr node = Brokkr.builder().namespace("cost-" + UUID.randomUUID()).build(RedisBackend.on(REDIS.client()))) {
      node.registerWorkers(
          Worker.sync("root", in -> 0),
          Worker.sync("leaf", in -> 1),
          Worker.sync("join", in -> in.dependencyResults().size()));
      commandsPerStep(node, 10); // warm-up: scripts loaded, queues known
      double narrow = commandsPerStep(node, 10);
      double wide = commandsPerStep(node, 1_000);
      assertTrue(wide <= narrow * 1.5, "Redis commands per step: " + narrow + " at K=10, " + wide + " at K=1,000");
    }
  }

  private static double commandsPerStep(Brokkr node, int width) throws Exception {
    Map<String, Long> before = HammerFiguresTest.commandStats(REDIS.redisServer());
    assertEquals(SagaStatus.FINISHED, node.start(fanOut(width), Map.of()).outcome().get(2, TimeUnit.MINUTES).status());
    Map<String, Long> commands = HammerFiguresTest.delta(HammerFiguresTest.commandStats(REDIS.redisServer()), before);
    return (double) commands.values().stream().mapToLong(Long::longValue).sum() / (width + 2);
  }

  static SagaTemplate fanOut(int width) {
    StepTemplateBuilder step = SagaTemplate.named("FanOut").step("root").worker("root");
    List<String> leaves = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      leaves.add("leaf-" + i);
      step = step.step("leaf-" + i).worker("leaf").dependsOn("root");
    }
    return step.step("join").worker("join").dependsOn(leaves.toArray(String[]::new)).build();
  }
}
