package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory store drops sagas past their retention as Redis does: settled, or never started. */
class RetentionTest {
  private static final Instant T = Instant.parse("2031-06-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofSeconds(10);

  private static StepSpec step(String id) {
    return new StepSpec(id, "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }

  @Test
  void settledAndNeverStartedSagasAreDroppedRunningOnesKept() {
    // A clock far in the past: the store's own sweeps fire nothing; the test drives time.
    try (SagaStore store = InMemoryBackend.create(RETENTION).open("ns", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))) {
      store.createSaga("settled");
      store.addStep("settled", step("a"));
      store.start("settled");
      Claim claim = store.claimNext("A", "node-1", T, Duration.ofMinutes(5)).orElseThrow();
      store.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.empty());
      store.createSaga("never-started");
      store.createSaga("running");
      store.addStep("running", step("b"));
      store.start("running");

      store.fireDue(T); // stamps them
      store.fireDue(T.plus(RETENTION).minusMillis(1));
      assertTrue(store.load("settled").isPresent(), "kept until its retention ends");
      store.fireDue(T.plus(RETENTION));
      assertEquals(Optional.empty(), store.load("settled"));
      assertEquals(Optional.empty(), store.load("never-started"));
      assertTrue(store.load("running").isPresent(), "a running saga is never dropped");
      assertEquals(List.of("running"), store.unfinishedSagas());
    }
  }
}
