package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    return step(id, "A", List.of());
  }

  private static StepSpec step(String id, String worker, List<String> dependsOn) {
    return new StepSpec(id, worker, dependsOn, "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }

  private static Claim claim(MemoryNamespace namespace, String worker) {
    return namespace.claimNext(worker, "node-1", T, Duration.ofDays(365), failed -> {}).orElseThrow();
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

  @Test
  void aSagaSettledAgainAfterARetryIsKeptForTheRetentionOfItsLatestSettling() {
    MemoryNamespace namespace = new MemoryNamespace("ns", RETENTION);
    namespace.create("s", Optional.empty(), Clock.systemUTC());
    namespace.apply("s", saga -> saga.addStep(step("a")));
    namespace.apply("s", saga -> saga.addStep(step("b", "A", List.of("a"))));
    namespace.apply("s", saga -> saga.addCompensator("a", step("undo-a", "U", List.of())));
    namespace.apply("s", MemorySaga::start);
    Claim a = claim(namespace, "A");
    namespace.apply("s", saga -> saga.finish("a", Settler.attempt(a.lease().token()), Optional.empty()));
    Claim b = claim(namespace, "A");
    namespace.apply("s", saga -> saga.fail("b", Settler.attempt(b.lease().token()), "boom", "", T));
    Claim undo = claim(namespace, "U");
    namespace.apply("s", saga -> saga.fail("undo-a", Settler.attempt(undo.lease().token()), "still boom", "", T));
    assertEquals(SagaStatus.FAILED, namespace.find("s").orElseThrow().status());
    namespace.dropExpired(T); // stamps its first settling

    namespace.apply("s", saga -> saga.retry("operator"));
    Claim again = claim(namespace, "U");
    namespace.apply("s", saga -> saga.finish("undo-a", Settler.attempt(again.lease().token()), Optional.empty()));
    assertEquals(SagaStatus.COMPENSATED, namespace.find("s").orElseThrow().status());
    Instant settledAgain = T.plusSeconds(5);
    namespace.dropExpired(settledAgain); // stamps its second settling

    namespace.dropExpired(T.plus(RETENTION));
    assertTrue(namespace.find("s").isPresent(), "the first settling's retention ended, not the latest's");
    namespace.dropExpired(settledAgain.plus(RETENTION));
    assertEquals(Optional.empty(), namespace.find("s"));
  }

  @Test
  void sagasCreatedAndStartedInOneCallAreDroppedARetentionAfterTheySettledAndKeptWhileRunning() {
    MemoryNamespace namespace = new MemoryNamespace("ns", RETENTION);
    namespace.createAndStart(new SagaDraft("settled", List.of(step("a")), Map.of()), Clock.systemUTC(), MemorySaga::start);
    namespace.createAndStart(new SagaDraft("running", List.of(step("b", "B", List.of())), Map.of()), Clock.systemUTC(), MemorySaga::start);
    Claim a = claim(namespace, "A");
    namespace.apply("settled", saga -> saga.finish("a", Settler.attempt(a.lease().token()), Optional.empty()));

    namespace.dropExpired(T); // stamps the settled one
    namespace.dropExpired(T.plus(RETENTION).minusMillis(1));
    assertTrue(namespace.find("settled").isPresent(), "kept until its retention ends");
    namespace.dropExpired(T.plus(RETENTION));
    assertEquals(Optional.empty(), namespace.find("settled"));
    assertTrue(namespace.find("running").isPresent(), "a running saga is never dropped");
  }

  @Test
  void sagasStampedByOneSweepGoTogetherAndThoseOfALaterSweepAtTheirOwnTime() {
    MemoryNamespace namespace = new MemoryNamespace("ns", RETENTION);
    for (String id : List.of("first-1", "first-2")) {
      namespace.create(id, Optional.empty(), Clock.systemUTC());
    }
    namespace.dropExpired(T); // one sweep stamps both
    namespace.create("later", Optional.empty(), Clock.systemUTC());
    Instant laterSweep = T.plusSeconds(3);
    namespace.dropExpired(laterSweep);
    namespace.dropExpired(T.plusSeconds(4)); // a sweep that stamps nothing

    namespace.dropExpired(T.plus(RETENTION));
    assertEquals(Optional.empty(), namespace.find("first-1"));
    assertEquals(Optional.empty(), namespace.find("first-2"));
    assertTrue(namespace.find("later").isPresent(), "stamped by the later sweep, kept until its retention ends");
    namespace.dropExpired(laterSweep.plus(RETENTION));
    assertEquals(Optional.empty(), namespace.find("later"));
  }
}
