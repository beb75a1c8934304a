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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The in-memory store drops sagas past their retention as Redis does: settled, or never started. */
class RetentionTest {
  private static final Instant T = Instant.parse("2031-06-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofSeconds(10);

  /** A clock the test moves; the store's sweeps read it. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = T;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static StepSpec step(String id) {
    return new StepSpec(id, "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }

  @Test
  void settledAndNeverStartedSagasAreDroppedRunningOnesKept() throws InterruptedException {
    MovableClock clock = new MovableClock();
    try (SagaStore store = InMemoryBackend.create(RETENTION).open("ns", clock)) {
      store.createSaga("settled");
      store.addStep("settled", step("a"));
      store.start("settled");
      Claim claim = store.claimNext("A", "node-1", T, Duration.ofDays(365)).orElseThrow();
      store.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.empty());
      store.createSaga("never-started");
      store.createSaga("running");
      store.addStep("running", step("b"));
      store.start("running");
      Thread.sleep(300); // a few sweeps stamp them at T

      clock.now = T.plus(RETENTION).minusMillis(1);
      Thread.sleep(300);
      assertTrue(store.load("settled").isPresent(), "kept until its retention ends");
      clock.now = T.plus(RETENTION);
      eventually(() -> store.load("settled").isEmpty() && store.load("never-started").isEmpty());
      assertTrue(store.load("running").isPresent(), "a running saga is never dropped");
      assertEquals(List.of("running"), store.unfinishedSagas());
    }
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 2_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertTrue(condition.getAsBoolean(), "not reached within 20 s");
  }
}
