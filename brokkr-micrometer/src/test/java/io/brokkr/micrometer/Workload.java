package io.brokkr.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A known workload on one in-memory node: a hammer that finishes, an order that compensates (its
 * charge fails, its reservation is released), a step that times out, and a step whose lease expires
 * while it runs.
 */
final class Workload {
  static final String NAMESPACE = "metrics";
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), 1.0, Duration.ofMillis(10));
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private Workload() {}

  /** Runs the workload on a node with {@code instrumentation}; returns once every saga settled. */
  static void run(Instrumentation instrumentation) throws Exception {
    run(instrumentation, () -> {});
  }

  /** Runs the workload; {@code beforeClose} runs once every saga settled, while the node is open. */
  static void run(Instrumentation instrumentation, Runnable beforeClose) throws Exception {
    InMemoryBackend backend = InMemoryBackend.create();
    CountDownLatch holdLease = new CountDownLatch(1);
    CountDownLatch leaseHeld = new CountDownLatch(1);
    CountDownLatch leaseExpired = new CountDownLatch(1);
    CountDownLatch lostEnded = new CountDownLatch(1);
    // A second instrumentation, beside the one under test, tells the workload where the node is.
    Instrumentation progress = new Instrumentation() {
      @Override
      public void leaseExpired(String namespace, String worker) {
        leaseExpired.countDown();
      }

      @Override
      public void attemptEnded(String namespace, String worker, AttemptOutcome outcome, Duration duration) {
        if (outcome == AttemptOutcome.LOST) {
          lostEnded.countDown();
        }
      }
    };
    try (Brokkr node = Brokkr.builder().namespace(NAMESPACE).nodeId("node-a").instrumentation(instrumentation)
        .instrumentation(progress)
        .defaultRetryPolicy(ONCE).leaseDuration(Duration.ofMillis(600)).build(backend)) {
      node.registerWorkers(
          Worker.sync("Head", inv -> "head"),
          Worker.sync("Handle", inv -> "handle"),
          Worker.sync("Hammer", inv -> "Mjolnir"),
          Worker.sync("Reserve", inv -> "reserved"),
          Worker.sync("Release", inv -> "released"),
          Worker.sync("Charge", inv -> {
            throw new IllegalStateException("card declined");
          }),
          Worker.sync("Stall", inv -> {
            new CountDownLatch(1).await(); // until its timeout interrupts it
            return "never";
          }),
          Worker.sync("Hold", inv -> {
            leaseHeld.countDown();
            holdLease.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            return "late";
          }));

      Saga hammer = node.createSaga("hammer");
      SagaStep head = hammer.addStep("Head", List.of());
      SagaStep handle = hammer.addStep("Handle", List.of());
      hammer.addStep("Hammer", List.of(), List.of(head.getId(), handle.getId()));
      hammer.start();

      Saga order = node.createSaga("order");
      SagaStep reserve = order.addStep("Reserve", List.of());
      reserve.compensateWith("Release", List.of());
      order.addStep("Charge", List.of(), List.of(reserve.getId()));
      order.start();

      Saga stalled = node.createSaga("stalled");
      stalled.addStep("Stall", List.of(), List.of(), StepOptions.DEFAULTS.withTimeout(Duration.ofMillis(100)));
      stalled.start();

      assertEquals(SagaStatus.FINISHED, hammer.getOutcome().get(20, TimeUnit.SECONDS).status());
      assertEquals(SagaStatus.COMPENSATED, order.getOutcome().get(20, TimeUnit.SECONDS).status());
      assertEquals(SagaStatus.COMPENSATED, stalled.getOutcome().get(20, TimeUnit.SECONDS).status());

      // The lease of a running attempt expires: another view's sweep, far in the future, fails it;
      // the node learns at its next renewal, and the body's late report is stale.
      Saga held = node.createSaga("held");
      held.addStep("Hold", List.of());
      held.start();
      assertTrue(leaseHeld.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the held step runs");
      try (SagaStore sweeper = backend.open(NAMESPACE, Clock.systemUTC())) {
        Eventually.until("another view's sweep fails the held attempt",
            () -> sweeper.fireDue(Instant.now().plus(Duration.ofHours(1))) > 0 || held.getStatus().isSettled(), PATIENCE);
      }
      assertEquals(SagaStatus.COMPENSATED, held.getOutcome().get(20, TimeUnit.SECONDS).status());
      // A renewal (every 200 ms) learns that the lease is gone; then the body returns, too late.
      assertTrue(leaseExpired.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the node learns its lease expired");
      holdLease.countDown();
      assertTrue(lostEnded.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the lost attempt ends");
      beforeClose.run();
    }
  }

}
