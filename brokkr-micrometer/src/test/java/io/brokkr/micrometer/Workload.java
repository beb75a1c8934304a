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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A known workload on two in-memory nodes, A and B: on A, a hammer that finishes, an order that
 * compensates (its charge fails, its reservation is released) and a step that times out; then a
 * saga started on A whose step runs on B (B settles it), and a step running on A whose lease B's
 * sweep finds expired (B's clock jumps an hour ahead, as if A had stopped renewing): B takes it
 * over, fails it and settles its saga.
 */
final class Workload {
  static final String NAMESPACE = "metrics";
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), 1.0, Duration.ofMillis(10));
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration LEASE = Duration.ofMillis(600);

  private Workload() {}

  /** Runs the workload with {@code instrumentation} on both nodes; returns once every saga settled. */
  static void run(Instrumentation instrumentation, Runnable beforeClose) throws Exception {
    run(instrumentation, instrumentation, beforeClose);
  }

  /**
   * Runs the workload, {@code onA} on node A and {@code onB} on node B; {@code beforeClose} runs once
   * every saga settled, while the nodes are open.
   */
  static void run(Instrumentation onA, Instrumentation onB, Runnable beforeClose) throws Exception {
    // A day: B's clock, an hour ahead, must not drop the settled sagas.
    InMemoryBackend backend = InMemoryBackend.create(Duration.ofDays(1));
    CountDownLatch holdLease = new CountDownLatch(1);
    CountDownLatch leaseHeld = new CountDownLatch(1);
    CountDownLatch holdEnded = new CountDownLatch(1);
    // A second instrumentation, beside the one under test, tells the workload where node A is.
    Instrumentation progress = new Instrumentation() {
      @Override
      public void attemptEnded(String namespace, String worker, AttemptOutcome outcome, long durationNanos) {
        if (worker.equals("Hold")) {
          holdEnded.countDown();
        }
      }
    };
    try (Brokkr node = Brokkr.builder().namespace(NAMESPACE).nodeId("node-a").instrumentation(onA)
        .instrumentation(progress).defaultRetryPolicy(ONCE).leaseDuration(LEASE).build(backend)) {
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

      // Node B joins (not before: its sweep would race A's for the stalled step's deadline).
      AheadClock clockOfB = new AheadClock();
      try (Brokkr b = Brokkr.builder().namespace(NAMESPACE).nodeId("node-b").instrumentation(onB).clock(clockOfB)
          .defaultRetryPolicy(ONCE).leaseDuration(LEASE).build(backend)) {
        b.registerWorker(Worker.sync("Relay", inv -> "relayed"));
        Saga relay = node.createSaga("relay");
        relay.addStep("Relay", List.of());
        relay.start();
        assertEquals(SagaStatus.FINISHED, relay.getOutcome().get(20, TimeUnit.SECONDS).status());

        // A runs Hold and renews its lease; B's clock jumps ahead, so B's sweep sees it expired,
        // fails the attempt and settles the saga. The body's late report changes nothing: A ends the
        // attempt as lost when a renewal was refused first, else as stale.
        Saga held = node.createSaga("held");
        held.addStep("Hold", List.of());
        held.start();
        assertTrue(leaseHeld.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the held step runs");
        clockOfB.moveAhead(Duration.ofHours(1));
        assertEquals(SagaStatus.COMPENSATED, held.getOutcome().get(20, TimeUnit.SECONDS).status());
        holdLease.countDown();
        assertTrue(holdEnded.await(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the lost attempt ends");
        beforeClose.run();
      }
    }
  }
}
