package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSpec;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An outcome whose saga vanished from Redis before it settled fails with the reason, instead of hanging. */
class VanishedSagaTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Test
  void theOutcomeOfASagaRedisLostFailsAtTheSecondCheck() throws Exception {
    try (SagaStore store = RedisBackend.on(REDIS.client()).open("vanish-" + UUID.randomUUID())) {
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> false, Runnable::run);
      store.createSaga("s");
      store.addStep("s", new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("s");
      CompletableFuture<SagaOutcome> outcome = outcomes.of("s");
      REDIS.redisServer().command("FLUSHALL"); // as a restart without persistence

      outcomes.recheck();
      assertFalse(outcome.isDone(), "a future is read only once it waited a whole period");
      outcomes.recheck();
      assertTrue(outcome.isCompletedExceptionally());
      CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, outcome::join);
      assertEquals(IllegalStateException.class, failure.getCause().getClass());
      assertTrue(failure.getCause().getMessage().contains("saga s is gone from namespace"), failure.getCause().getMessage());
    }
  }
}
