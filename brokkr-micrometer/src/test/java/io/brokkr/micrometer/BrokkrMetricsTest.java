package io.brokkr.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The meters after {@link Workload}, node A's and node B's each on a registry of their own: what
 * each node counts, by its tags, and that each settling and each expired lease is counted by one
 * node only.
 */
class BrokkrMetricsTest {
  private static final MeterRegistry A = new SimpleMeterRegistry();
  private static final MeterRegistry B = new SimpleMeterRegistry();

  @BeforeAll
  static void runWorkload() throws Exception {
    Workload.run(BrokkrMetrics.of(A), BrokkrMetrics.of(B), () -> {});
  }

  /** The counter's count; 0 when the node never made it. */
  private static double counter(MeterRegistry registry, String name, String... tags) {
    Counter counter = registry.find(name).tag("namespace", Workload.NAMESPACE).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  /** How many the timer recorded; 0 when the node never made it. */
  private static long timed(MeterRegistry registry, String name, String... tags) {
    Timer timer = registry.find(name).tag("namespace", Workload.NAMESPACE).tags(tags).timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void eachStartedSagaIsCountedByNameByTheNodeThatStartedIt() {
    for (String saga : new String[] {"hammer", "order", "stalled", "relay", "held"}) {
      assertEquals(1, counter(A, "brokkr.sagas.started", "saga", saga), saga);
      assertEquals(0, counter(B, "brokkr.sagas.started", "saga", saga), saga);
    }
  }

  @Test
  void eachSettlingIsCountedByTheNodeWhoseCallSettledIt() {
    assertEquals(1, counter(A, "brokkr.sagas.settled", "saga", "hammer", "status", "FINISHED"));
    assertEquals(0, counter(A, "brokkr.sagas.settled", "saga", "hammer", "status", "COMPENSATED"));
    assertEquals(1, counter(A, "brokkr.sagas.settled", "saga", "order", "status", "COMPENSATED"));
    assertEquals(1, timed(A, "brokkr.saga.duration", "saga", "hammer", "status", "FINISHED"));
    assertEquals(1, timed(A, "brokkr.saga.duration", "saga", "stalled", "status", "COMPENSATED"));
    for (String saga : new String[] {"hammer", "order", "stalled"}) {
      assertEquals(0, counter(B, "brokkr.sagas.settled", "saga", saga, "status", "FINISHED")
          + counter(B, "brokkr.sagas.settled", "saga", saga, "status", "COMPENSATED"), saga + " ended before B joined");
    }
  }

  @Test
  void aSagaStartedOnASettledOnBIsCountedOnceByB() {
    assertEquals(0, counter(A, "brokkr.sagas.settled", "saga", "relay", "status", "FINISHED"));
    assertEquals(1, counter(B, "brokkr.sagas.settled", "saga", "relay", "status", "FINISHED"));
    assertEquals(0, timed(A, "brokkr.saga.duration", "saga", "relay", "status", "FINISHED"));
    assertEquals(1, timed(B, "brokkr.saga.duration", "saga", "relay", "status", "FINISHED"));
  }

  @Test
  void anExpiredLeaseIsCountedByTheNodeThatTookTheStepOver() {
    assertEquals(0, counter(A, "brokkr.leases.expired", "worker", "Hold"), "A ran it and lost it");
    assertEquals(1, counter(B, "brokkr.leases.expired", "worker", "Hold"), "B's sweep failed it");
    assertEquals(1, timed(A, "brokkr.step.attempts", "worker", "Hold", "outcome", "lost")
        + timed(A, "brokkr.step.attempts", "worker", "Hold", "outcome", "stale"),
        "the attempt A lost ends once: lost if a renewal told A first, else stale");
    assertEquals(0, timed(B, "brokkr.step.attempts", "worker", "Hold", "outcome", "lost"));
    assertEquals(0, counter(A, "brokkr.sagas.settled", "saga", "held", "status", "COMPENSATED"));
    assertEquals(1, counter(B, "brokkr.sagas.settled", "saga", "held", "status", "COMPENSATED"),
        "B's sweep failed its only step: the saga settled there");
  }

  @Test
  void attemptsAreTimedByWorkerAndOutcome() {
    assertEquals(1, timed(A, "brokkr.step.attempts", "worker", "Hammer", "outcome", "finished"));
    assertEquals(1, timed(A, "brokkr.step.attempts", "worker", "Charge", "outcome", "failed"));
    assertEquals(1, timed(A, "brokkr.step.attempts", "worker", "Stall", "outcome", "timed_out"));
    assertEquals(1, timed(B, "brokkr.step.attempts", "worker", "Relay", "outcome", "finished"));
    Timer stall = A.get("brokkr.step.attempts").tags("worker", "Stall", "outcome", "timed_out").timer();
    // The timer holds how long the body ran until its timeout (100 ms) interrupted it. The deadline
    // counts from the claim in the store, the body starts a hand-off later: a little under 100 ms.
    assertTrue(stall.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) >= 50, "it ran until its timeout");
  }

  @Test
  void compensationsAndQueueWaits() {
    assertEquals(1, counter(A, "brokkr.compensations", "worker", "Release", "outcome", "compensated"));
    assertEquals(0, counter(A, "brokkr.compensations", "worker", "Release", "outcome", "failed"));
    assertEquals(1, timed(A, "brokkr.step.queue.wait", "worker", "Hammer"));
    assertEquals(1, timed(A, "brokkr.step.queue.wait", "worker", "Head"));
    assertEquals(1, timed(B, "brokkr.step.queue.wait", "worker", "Relay"));
  }

  @Test
  void storeCallsAreTimedByOperation() {
    assertTrue(timed(A, "brokkr.store.calls", "operation", "createSaga") >= 5);
    assertTrue(timed(A, "brokkr.store.calls", "operation", "start") >= 5);
    assertTrue(timed(A, "brokkr.store.calls", "operation", "fail") >= 1);
  }

  @Test
  void aClosedNodeLeavesNoGauges() {
    for (MeterRegistry registry : new MeterRegistry[] {A, B}) {
      assertTrue(registry.find("brokkr.node.attempts.running").gauges().isEmpty());
      assertTrue(registry.find("brokkr.node.permits.free").gauges().isEmpty());
    }
  }
}
