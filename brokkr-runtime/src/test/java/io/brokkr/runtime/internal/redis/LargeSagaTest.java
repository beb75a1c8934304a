package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisExtension;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sagas past Lua's unpack limit (about 8,000 values): the scripts read and write a saga's fields in
 * chunks, so a fan-out of 10,000 steps joined by one step starts, runs and finishes.
 */
class LargeSagaTest {
  private static final int WIDTH = 10_000;

  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Test
  void aFanOutOfTenThousandStepsJoinedByOneFinishes() throws Exception {
    SagaTemplate wide = CompletionCostTest.fanOut(WIDTH);
    try (Brokkr node = Brokkr.builder().namespace("large-" + UUID.randomUUID()).concurrency(8)
        .build(RedisBackend.on(REDIS.client()))) {
      node.registerWorkers(
          Worker.sync("root", in -> 1),
          Worker.sync("leaf", in -> in.dependencyResult(0, Integer.class) + 1),
          Worker.sync("join", in -> in.dependencyResults().stream().mapToInt(r -> ((Number) r).intValue()).sum()));
      SagaOutcome outcome = node.start(wide, java.util.Map.of()).outcome().get(5, TimeUnit.MINUTES);
      assertEquals(SagaStatus.FINISHED, outcome.status());
      assertEquals(2 * WIDTH, outcome.results().get("join", Integer.class));
    }
  }
}
