package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.SagaTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Outcome futures complete on the node's callback threads, one after the other while none blocks:
 * a callback may still block, even on another saga's outcome, and every outcome still comes.
 */
class BlockingCallbackTest {
  private static final long PATIENCE_SECONDS = 30;
  private static final SagaTemplate ONCE = SagaTemplate.named("Once").step("once").worker("W").build();

  @Test
  void aCallbackThatWaitsForAnotherSagasOutcomeGetsIt() throws Exception {
    try (Brokkr brokkr = Brokkr.builder().inMemory()) {
      brokkr.registerWorker(Worker.sync("W", inv -> "ok"));

      CompletableFuture<SagaStatus> chained = brokkr.start(ONCE, Map.of()).outcome()
          .thenApply(first -> brokkr.start(ONCE, Map.of()).outcome().join().status());

      assertEquals(SagaStatus.FINISHED, chained.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
    }
  }

  @Test
  void manyCallbacksWaitingForLaterSagasAllGetTheirOutcomes() throws Exception {
    try (Brokkr brokkr = Brokkr.builder().inMemory()) {
      brokkr.registerWorker(Worker.sync("W", inv -> "ok"));

      List<CompletableFuture<SagaStatus>> chained = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        chained.add(brokkr.start(ONCE, Map.of()).outcome()
            .thenApply(first -> brokkr.start(ONCE, Map.of()).outcome().join().status()));
      }

      for (CompletableFuture<SagaStatus> status : chained) {
        assertEquals(SagaStatus.FINISHED, status.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
      }
    }
  }
}
