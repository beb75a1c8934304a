package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.spi.StoreBackend;
import io.brokkr.runtime.spi.StoreLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A join whose inputs together pass the claim limit (each within the payload limit) fails for good
 * when claimed, with its reason, and its worker never runs, and the node counts the saga it settled:
 * on the in-memory store through a node;
 * the Redis store's twin is {@code RedisClaimLimitTest}, which reads the stored step alone (a node
 * would read the whole 70 MB saga to confirm its outcome). Not in the contract suite: it moves 70 MB.
 */
class ClaimLimitTest {

  @Test
  void aJoinWhoseInputsPassTheClaimLimitFailsForGoodWithoutRunning() throws Exception {
    StoreBackend backend = InMemoryBackend.create();
    List<String> settled = new CopyOnWriteArrayList<>();
    Instrumentation counting = new Instrumentation() {
      @Override
      public void sagaSettled(String namespace, Optional<String> name, SagaStatus status, long durationNanos) {
        settled.add(status.name());
      }
    };
    try (Brokkr brokkr = Brokkr.builder().namespace("claims-" + UUID.randomUUID()).instrumentation(counting)
        .build(backend)) {
      AtomicInteger joins = new AtomicInteger();
      brokkr.registerWorker(Worker.sync("Join", inv -> joins.incrementAndGet()));
      Saga saga = brokkr.createSaga();
      // 70 results of 1,000,002 bytes of JSON: each within the payload limit, over 64 MiB together.
      String result = "x".repeat(1_000_000);
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < 70; i++) {
        parts.add(saga.addStep("Part", List.of()).getId());
      }
      SagaStep join = saga.addStep("Join", List.of(), parts);
      saga.start();
      parts.forEach(part -> assertTrue(saga.stepFinished(part, result)));

      SagaOutcome outcome = saga.getOutcome().get(60, TimeUnit.SECONDS);
      assertEquals(SagaStatus.COMPENSATED, outcome.status());
      assertEquals(StepStatus.FAILED, join.getStatus());
      assertEquals(Optional.of("the inputs of step \"" + join.getId() + "\" (its args and its dependencies' results)"
          + " are 70000142 bytes of JSON, over the claim limit of " + StoreLimits.CLAIM_LIMIT + " bytes"),
          join.getFailureReason());
      assertEquals(0, joins.get(), "the join's worker never ran");
      assertEquals(0, join.getAttempt());
      // The claim settled the saga (no step to undo): the node that claimed counts it, once.
      assertEquals(List.of("COMPENSATED"), settled);
    }
  }
}
