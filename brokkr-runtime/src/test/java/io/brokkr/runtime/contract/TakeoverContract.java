package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The store's own timers: a live node takes over what a dead or closed node left, without being
 * told to ({@code restorePreviousState} is never called here).
 */
public interface TakeoverContract extends ContractFixture {
  /** Short enough that the tests wait briefly for the store's sweep. */
  Duration SHORT_LEASE = Duration.ofMillis(200);

  @Test
  default void aLiveNodeTakesOverAStepWhoseNodeStoppedHeartbeating() {
    Brokkr live = node(b -> b.leaseDuration(SHORT_LEASE));
    Saga saga = live.createSaga();
    SagaStep step = saga.addStep("Orphaned", List.of());
    // The dead node: it claims through the SPI, then neither renews its lease nor settles the step.
    SagaStore dead = backend().open(namespace());
    AtomicReference<Optional<Claim>> claim = new AtomicReference<>(Optional.empty());
    try {
      saga.start();
      eventually("the dead node to claim the step", () -> {
        claim.set(dead.claimNext("Orphaned", "dead-node", Instant.now(), SHORT_LEASE));
        return claim.get().isPresent();
      });
    } finally {
      dead.close();
    }
    assertEquals(1, claim.get().orElseThrow().step().attempt());
    live.registerWorker(Worker.sync("Orphaned", inv -> "taken over in attempt " + inv.attempt()));

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(2, step.getAttempt());
    assertEquals(Optional.of("taken over in attempt 2"), step.getResult(String.class));
  }

  @Test
  default void aBackoffArmedByANodeThatClosedIsRequeuedAndRunByAnotherLiveNode() {
    CountDownLatch failedOnce = new CountDownLatch(1);
    Brokkr closing = node();
    closing.registerWorker(Worker.sync("Flaky", inv -> {
      failedOnce.countDown();
      throw new IllegalStateException("the closing node fails attempt " + inv.attempt());
    }));
    Brokkr live = node();
    Saga saga = closing.createSaga();
    // A backoff long enough that the closing node is closed before it ends.
    RetryPolicy slowRetry = new RetryPolicy(5, Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1));
    SagaStep step = saga.addStep("Flaky", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(slowRetry));
    saga.start();
    await(failedOnce, "the first attempt to fail");
    Saga seenLive = live.getSaga(saga.getId()).orElseThrow();
    SagaStep stepSeenLive = seenLive.getStep(step.getId()).orElseThrow();
    eventually("the step to wait out its backoff",
        () -> stepSeenLive.getStatus() == StepStatus.QUEUED && stepSeenLive.getFailureReason().isPresent());
    closing.close();
    live.registerWorker(Worker.sync("Flaky", inv -> "live"));

    assertEquals(SagaStatus.FINISHED, outcome(seenLive).status());
    assertEquals(Optional.of("live"), stepSeenLive.getResult(String.class));
  }
}
