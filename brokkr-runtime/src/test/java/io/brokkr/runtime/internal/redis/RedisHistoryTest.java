package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.testing.Eventually;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A saga's history on Redis lives and expires with the saga: dropped after its retention, kept again once an operator resumes it. */
class RedisHistoryTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private final String namespace = "history-" + UUID.randomUUID();
  private final KeyLayout keys = new KeyLayout(namespace, 2);

  private SagaStore open(Duration retention) {
    return RedisBackend.on(REDIS.client(), RedisOptions.defaults().withRetention(retention).withPartitions(2))
        .open(namespace);
  }

  private static StepSpec step(String id) {
    return new StepSpec(id, "W", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }

  private long pttl(String key) throws IOException {
    return Long.parseLong(REDIS.redisServer().command("PTTL " + key).trim().substring(1));
  }

  @Test
  void theHistoryOfASettledSagaIsDroppedWithIt() throws IOException {
    try (SagaStore store = open(Duration.ofMillis(300))) {
      store.createSaga("settled");
      store.addStep("settled", step("only"));
      store.start("settled");
      store.finish(new StepRef("settled", "only"), Settler.external(), Optional.empty());
      store.createSaga("running");
      store.addStep("running", step("only"));
      store.start("running");
      assertFalse(store.history("settled").isEmpty());
      assertTrue(pttl(keys.historyKey("settled")) > 0, "the settled saga's history expires as the saga does");
      assertEquals(-1, pttl(keys.historyKey("running")), "a running saga's history does not expire");

      Eventually.until("Redis dropped the settled saga", () -> store.load("settled").isEmpty());
      assertEquals(List.of(), store.history("settled"), "its history went with it");
      assertFalse(store.history("running").isEmpty(), "the running saga keeps its history");
    }
  }

  @Test
  void aRetriedSagaAndItsHistoryNoLongerExpire() throws IOException {
    try (SagaStore store = open(Duration.ofHours(1))) {
      store.createSaga("failed");
      store.addStep("failed", step("charge"));
      store.addCompensator("failed", "charge", step("refund"));
      store.addStep("failed", new StepSpec("ship", "W", List.of("charge"), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("failed");
      store.finish(new StepRef("failed", "charge"), Settler.external(), Optional.empty());
      store.fail(new StepRef("failed", "ship"), Settler.external(), "no courier", Instant.now());
      store.fail(new StepRef("failed", "refund"), Settler.external(), "bank down", Instant.now());
      assertEquals(SagaStatus.FAILED, store.load("failed").orElseThrow().status());
      assertTrue(pttl(keys.sagaKey("failed")) > 0);
      assertTrue(pttl(keys.historyKey("failed")) > 0);

      assertTrue(store.retry("failed", "ops").applied());
      assertEquals(SagaStatus.COMPENSATING, store.load("failed").orElseThrow().status());
      assertEquals(-1, pttl(keys.sagaKey("failed")), "a resumed saga is no longer dropped after its retention");
      assertEquals(-1, pttl(keys.historyKey("failed")), "nor is its history");
      assertEquals(List.of("failed"), store.unfinishedSagas(), "it is active again");
    }
  }
}
