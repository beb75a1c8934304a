package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store drops sagas past their retention as Redis does: settled, or never started.
 * Driven on a namespace without a sweeper, so the test decides when each sweep happens.
 */
class RetentionTest {
  private static final Instant T = Instant.parse("2031-06-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofSeconds(10);

  private static StepSpec step(String id) {
    return new StepSpec(id, "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }

  @Test
  void settledAndNeverStartedSagasAreDroppedRunningOnesKept() {
    MemoryNamespace namespace = new MemoryNamespace("ns", RETENTION);
    namespace.create("settled", Optional.empty(), Clock.systemUTC());
    namespace.apply("settled", saga -> saga.addStep(step("a")));
    namespace.apply("settled", MemorySaga::start);
    Claim claim = namespace.claimNext("A", "node-1", T, Duration.ofDays(365), failed -> {}).orElseThrow();
    namespace.apply("settled", saga -> saga.finish("a", Settler.attempt(claim.lease().token()), Optional.empty()));
    namespace.create("never-started", Optional.empty(), Clock.systemUTC());
    namespace.create("running", Optional.empty(), Clock.systemUTC());
    namespace.apply("running", saga -> saga.addStep(step("b")));
    namespace.apply("running", MemorySaga::start);

    namespace.dropExpired(T); // the first sweep stamps them
    namespace.dropExpired(T.plus(RETENTION).minusMillis(1));
    assertTrue(namespace.find("settled").isPresent(), "kept until its retention ends");
    assertTrue(namespace.find("never-started").isPresent());

    namespace.dropExpired(T.plus(RETENTION));
    assertEquals(Optional.empty(), namespace.find("settled"));
    assertEquals(Optional.empty(), namespace.find("never-started"));
    assertTrue(namespace.find("running").isPresent(), "a running saga is never dropped");
    assertEquals(List.of("running"), namespace.unfinished());
  }
}
