package io.brokkr.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The meters after {@link Workload}: what each counts, by its tags. */
class BrokkrMetricsTest {
  private static final MeterRegistry REGISTRY = new SimpleMeterRegistry();

  @BeforeAll
  static void runWorkload() throws Exception {
    Workload.run(BrokkrMetrics.of(REGISTRY));
  }

  private static double counter(String name, String... tags) {
    return REGISTRY.get(name).tag("namespace", Workload.NAMESPACE).tags(tags).counter().count();
  }

  private static long timed(String name, String... tags) {
    return REGISTRY.get(name).tag("namespace", Workload.NAMESPACE).tags(tags).timer().count();
  }

  @Test
  void eachStartedSagaIsCountedByNameAndSettledByStatus() {
    for (String saga : new String[] {"hammer", "order", "stalled", "held"}) {
      assertEquals(1, counter("brokkr.sagas.started", "saga", saga), saga);
    }
    assertEquals(1, counter("brokkr.sagas.settled", "saga", "hammer", "status", "FINISHED"));
    assertEquals(0, counter("brokkr.sagas.settled", "saga", "hammer", "status", "COMPENSATED"));
    assertEquals(1, counter("brokkr.sagas.settled", "saga", "order", "status", "COMPENSATED"));
    assertEquals(1, timed("brokkr.saga.duration", "saga", "hammer", "status", "FINISHED"));
    assertEquals(1, timed("brokkr.saga.duration", "saga", "held", "status", "COMPENSATED"));
  }

  @Test
  void attemptsAreTimedByWorkerAndOutcome() {
    assertEquals(1, timed("brokkr.step.attempts", "worker", "Hammer", "outcome", "finished"));
    assertEquals(1, timed("brokkr.step.attempts", "worker", "Charge", "outcome", "failed"));
    assertEquals(1, timed("brokkr.step.attempts", "worker", "Stall", "outcome", "timed_out"));
    assertEquals(1, timed("brokkr.step.attempts", "worker", "Hold", "outcome", "lost"));
    assertEquals(0, timed("brokkr.step.attempts", "worker", "Hold", "outcome", "stale"),
        "a lost attempt's late report counts once, as lost");
    Timer stall = REGISTRY.get("brokkr.step.attempts").tags("worker", "Stall", "outcome", "timed_out").timer();
    assertTrue(stall.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) >= 100, "it ran until its timeout");
  }

  @Test
  void compensationsLeasesAndQueueWaits() {
    assertEquals(1, counter("brokkr.compensations", "worker", "Release", "outcome", "compensated"));
    assertEquals(0, counter("brokkr.compensations", "worker", "Release", "outcome", "failed"));
    assertEquals(1, counter("brokkr.leases.expired", "worker", "Hold"));
    assertEquals(1, timed("brokkr.step.queue.wait", "worker", "Hammer"));
    assertEquals(1, timed("brokkr.step.queue.wait", "worker", "Head"));
  }

  @Test
  void storeCallsAreTimedByOperation() {
    assertTrue(timed("brokkr.store.calls", "operation", "createSaga") >= 4);
    assertTrue(timed("brokkr.store.calls", "operation", "start") >= 4);
    assertTrue(timed("brokkr.store.calls", "operation", "fail") >= 1);
  }

  @Test
  void aClosedNodeLeavesNoGauges() {
    assertTrue(REGISTRY.find("brokkr.node.attempts.running").gauges().isEmpty());
    assertTrue(REGISTRY.find("brokkr.node.permits.free").gauges().isEmpty());
  }
}
