package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.bench.Scenario.Shape;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.testing.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MemoryTargetTest {

  @Test
  void itsNodesDropASettledSagaOnceTheRetentionGivenHasPassed() throws Exception {
    try (MemoryTarget target = new MemoryTarget(Observed.Signals.NONE, Duration.ofMillis(1));
        Brokkr node = target.node("memory-target-retention", 4)) {
      node.registerWorkers(BrokkrShapes.workers(new LevelClock(0)).toArray(Worker[]::new));
      SagaHandle<StepResults> handle = node.start(BrokkrShapes.template(Shape.HAMMER, 3),
          BrokkrShapes.inputs(Shape.HAMMER, 0));
      assertTrue(handle.outcome().toCompletableFuture().get().isFinished(), "the hammer saga finished");
      // The store's sweep (every 100 ms) drops it; with the backend's default of 7 days it would stay.
      Eventually.until("the settled saga dropped after its retention of 1 ms",
          () -> node.getSaga(handle.sagaId()).isEmpty());
    }
  }
}
