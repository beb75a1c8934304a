package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The store's timers end attempts whatever their nodes do: a lease at its end, a deadline whatever
 * the heartbeats, at the time the caller passes ({@link SagaStore#fireDue}); an attempt that ends so
 * leaves its step possibly done. Nodes, leases and sweeps read one clock.
 */
public interface TimersContract extends ContractFixture {
  /** Far after the system clock, so that the stores' own sweeps fire none of these timers. */
  Instant T = Instant.parse("2031-06-01T00:00:00Z");
  Duration LEASE = Duration.ofSeconds(30);
  RetryPolicy TWO_ATTEMPTS = new RetryPolicy(2, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));

  private SagaStore startedWith(Optional<Duration> timeout) {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", new StepSpec("a", "A", List.of(), "[]", TWO_ATTEMPTS, timeout));
    store.start("s");
    return store;
  }

  private static StepSnapshot step(SagaStore store) {
    return store.load("s").orElseThrow().step("a").orElseThrow();
  }

  private static Claim claim(SagaStore store) {
    return store.claimNext("A", "node-1", T, LEASE).orElseThrow();
  }

  @Test
  default void aLeaseExpiresAtItsEndByTheTimeTheCallerPasses() {
    SagaStore store = startedWith(Optional.empty());
    claim(store);
    assertEquals(0, store.fireDue(T.plus(LEASE).minusMillis(1)));
    assertEquals(StepStatus.RUNNING, step(store).status());

    assertEquals(1, store.fireDue(T.plus(LEASE)));
    StepSnapshot expired = step(store);
    assertEquals(StepStatus.QUEUED, expired.status(), "retried: one attempt left");
    assertEquals(Optional.of("lease of node node-1 expired"), expired.failureReason());
    assertTrue(expired.possiblyDone(), "its outcome is unknown");
    assertEquals(Optional.of(T.plus(LEASE).plus(TWO_ATTEMPTS.backoffBefore(2))), expired.retryAt());
  }

  @Test
  default void aDeadlineEndsAnAttemptWhateverItsHeartbeats() {
    SagaStore store = startedWith(Optional.of(Duration.ofSeconds(5)));
    Claim claim = claim(store);
    assertTrue(store.heartbeat(claim.step().ref(), claim.lease().token(), T.plus(Duration.ofMinutes(10))));
    assertEquals(0, store.fireDue(T.plus(Duration.ofSeconds(5)).minusMillis(1)));

    assertEquals(1, store.fireDue(T.plus(Duration.ofSeconds(5))));
    StepSnapshot timedOut = step(store);
    assertEquals(Optional.of("attempt 1 timed out after 5s"), timedOut.failureReason());
    assertTrue(timedOut.possiblyDone());
    assertFalse(store.heartbeat(claim.step().ref(), claim.lease().token(), T.plus(Duration.ofMinutes(20))),
        "the attempt is over: its token is stale");
  }

  @Test
  default void aParkedAsyncAttemptNeedsNoRenewalAndEndsAtItsDeadline() {
    SagaStore store = startedWith(Optional.of(Duration.ofSeconds(5)));
    Claim claim = claim(store);
    assertTrue(store.park(claim.step().ref(), claim.lease().token()));
    assertEquals(Lease.OPEN_ENDED, step(store).lease().orElseThrow().until());
    assertEquals(1, store.fireDue(T.plus(Duration.ofSeconds(5))));
    assertEquals(StepStatus.QUEUED, step(store).status(), "the deadline passed before the lease would have");
    assertEquals(Optional.of("attempt 1 timed out after 5s"), step(store).failureReason());
  }

  @Test
  default void aHandedBackAttemptIsClaimableAtOnceAndNotCounted() {
    SagaStore store = startedWith(Optional.empty());
    Claim first = claim(store);
    assertTrue(store.handBack(first.step().ref(), first.lease().token(), false).applied());
    assertEquals(0, step(store).attempt());
    assertFalse(step(store).possiblyDone(), "its body never ran");
    assertFalse(store.handBack(first.step().ref(), first.lease().token(), true).applied(), "a stale token");

    Claim second = claim(store);
    assertEquals(1, second.step().attempt());
    assertTrue(store.handBack(second.step().ref(), second.lease().token(), true).applied());
    assertTrue(step(store).possiblyDone(), "its body may have run");
    assertEquals(StepStatus.QUEUED, step(store).status());
  }

  @Test
  default void anOpenAsyncStepRunsItsBodyOnceWhateverItsLease() {
    AtomicInteger runs = new AtomicInteger();
    // A lease far longer than the few milliseconds before the attempt is parked: with 100 ms, a renewal
    // late on a loaded host let the lease end first, and the retry ran the body again (a lease's own
    // rule, not this test's). The hour below is past any lease's end all the same.
    Brokkr brokkr = node(b -> b.leaseDuration(Duration.ofSeconds(30)));
    brokkr.registerWorker(Worker.async("Publish", inv -> runs.incrementAndGet()));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Publish", List.of());
    saga.start();
    SagaStore view = store();
    eventually("the step to be parked", () -> view.load(saga.getId()).orElseThrow().step(step.getId()).orElseThrow()
        .lease().map(lease -> lease.until().equals(Lease.OPEN_ENDED)).orElse(false));

    // An hour later by the store's timers: nothing is due, so no second attempt can start.
    assertEquals(0, view.fireDue(Instant.now().plus(Duration.ofHours(1))));
    assertEquals(StepStatus.RUNNING, step.getStatus());
    assertEquals(1, runs.get(), "the open step waits for its settler, not for renewals");
    assertTrue(saga.stepFinished(step.getId(), "published"));
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
  }

  @Test
  default void aNodeWhoseClockIsBehindKeepsItsLeasesAlive() {
    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1));
    AtomicInteger runs = new AtomicInteger();
    // The test's own view sweeps too: on the node's clock, as another node in sync with it would.
    try (SagaStore view = backend().open(namespace(), behind)) {
      Brokkr brokkr = node(b -> b.clock(behind).leaseDuration(Duration.ofMillis(300)));
      brokkr.registerWorker(Worker.sync("Slow", inv -> {
        runs.incrementAndGet();
        // Runs until its lease was renewed three times: only renewals keep it.
        awaitRenewals(view, inv.sagaId(), inv.stepId(), 3);
        return "done";
      }));
      Saga saga = brokkr.createSaga();
      SagaStep step = saga.addStep("Slow", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(TWO_ATTEMPTS));
      saga.start();

      assertEquals(SagaStatus.FINISHED, outcome(saga).status());
      assertEquals(1, runs.get(), "the node's sweeps and leases read its own clock");
      assertEquals(1, step.getAttempt());
    }
  }

  /** Waits until the stored lease of a running step changed {@code renewals} times, within the patience. */
  private void awaitRenewals(SagaStore view, String sagaId, String stepId, int renewals) {
    java.util.Set<Instant> seen = new java.util.HashSet<>();
    eventually(renewals + " renewals of the lease", () -> {
      view.load(sagaId).flatMap(saga -> saga.step(stepId)).flatMap(StepSnapshot::lease)
          .ifPresent(lease -> seen.add(lease.until()));
      return seen.size() > renewals;
    });
  }
}
