package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stale entry at a queue's head (its step was claimed as the change that made it ready, or moved
 * on) is passed over without taking its saga's lock: a claimer must not wait on a saga that another
 * thread is changing, or has been paused in, to learn that the entry is no longer its step's.
 */
class StaleHeadTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

  private final MemoryNamespace namespace = new MemoryNamespace("stale-head", Duration.ofDays(1));
  private final MemoryStore store = new MemoryStore(namespace, Clock.fixed(T0, ZoneOffset.UTC), StoreLimits.DEFAULTS);

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aClaimFromTheQueuePassesAStaleHeadWhileItsSagaIsLocked() throws Exception {
    MemorySaga busy = sagaWhoseStepWasClaimedWhereItBecameReady("busy");
    store.createAndStart(draft("next"));

    Claim claim = whileLocked(busy, () -> store.claimNext("A", "node-1", T0, LEASE)).orElseThrow();

    assertEquals(new StepRef("next", "a"), claim.step().ref());
  }

  @Test
  void aCompletionPassesAStaleHeadWhileItsSagaIsLocked() throws Exception {
    // "own" has two steps of worker A: one claimed, one queued behind the stale entry of "busy".
    Change started = store.createStartAndClaim(new SagaDraft("own", List.of(spec("a"), spec("b")), Map.of()),
        new ClaimRequest("node-1", T0, LEASE, Set.of("A")), 1);
    Claim running = started.claims().get(0);
    MemorySaga busy = sagaWhoseStepWasClaimedWhereItBecameReady("busy");
    // The queue is now: own's claimed step (stale), own's other step, busy's claimed step (stale).
    // Claiming from it takes own's queued step and leaves busy's stale entry at the head.
    store.createAndStart(draft("later"));
    Claim queued = store.claimNext("A", "node-1", T0, LEASE).orElseThrow();
    assertEquals(new StepRef("own", "b"), queued.step().ref());

    Change finished = whileLocked(busy, () -> store.finishAndClaim(running.step().ref(),
        Settler.attempt(running.lease().token()), Optional.of("1"),
        new ClaimRequest("node-1", T0, LEASE, Set.of("A")), 1));

    assertTrue(finished.applied());
    // The head after the stale entry is another saga's: the completion claims none of it.
    assertEquals(List.of(), finished.claims());
    assertEquals(new StepRef("later", "a"), store.claimNext("A", "node-1", T0, LEASE).orElseThrow().step().ref());
  }

  private MemorySaga sagaWhoseStepWasClaimedWhereItBecameReady(String sagaId) {
    Change change = store.createStartAndClaim(draft(sagaId), new ClaimRequest("node-1", T0, LEASE, Set.of("A")), 1);
    assertEquals(1, change.claims().size(), "claimed by the start: its queue entry stays, stale");
    return namespace.find(sagaId).orElseThrow();
  }

  /** Runs {@code call} on another thread while this one holds {@code saga}'s lock; fails if it waits on it. */
  private static <T> T whileLocked(MemorySaga saga, Supplier<T> call) throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    CompletableFuture<T> result;
    synchronized (saga) {
      result = CompletableFuture.supplyAsync(() -> {
        try {
          return call.get();
        } finally {
          done.countDown();
        }
      });
      // Not a timing assertion: a claimer that takes the saga's lock never ends while it is held.
      assertTrue(done.await(30, TimeUnit.SECONDS), "the call waited on the locked saga");
    }
    return result.get();
  }

  private static SagaDraft draft(String sagaId) {
    return new SagaDraft(sagaId, List.of(spec("a")), Map.of());
  }

  private static StepSpec spec(String id) {
    return new StepSpec(id, "A", List.of(), "[]", ONCE, Optional.empty());
  }
}
