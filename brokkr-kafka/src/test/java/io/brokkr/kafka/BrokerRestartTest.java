package io.brokkr.kafka;

import static io.brokkr.kafka.Bridge.HAMMER;
import static io.brokkr.kafka.Bridge.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A broker that crashes and comes back mid-run loses no request and no result: a broker of its own. */
class BrokerRestartTest {

  @Test
  void aBrokerKilledAndRestartedMidRunLosesNothing() throws Exception {
    try (LocalKafkaBroker broker = Brokers.start(); Bridge bridge = new Bridge(broker)) {
      Hammers hammers = new Hammers();
      Brokkr node = bridge.node();
      // Publishes wait out the outage rather than fail the attempt.
      KafkaCoordinator.start(node, bridge.config.withSendTimeout(Duration.ofSeconds(90)))
          .bind("HammerHeadFactory", "HandleFactory", "HammerFactory", "HammerHeadDestroyer");
      hammers.serve(bridge);

      List<SagaHandle<StepResults>> sagas = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        sagas.add(node.start(HAMMER, Map.of("headType", "before" + i, "handleSize", "short")));
      }
      assertEquals(SagaStatus.FINISHED, await(sagas.get(0).outcome()).status());
      broker.kill();
      for (int i = 0; i < 10; i++) {
        sagas.add(node.start(HAMMER, Map.of("headType", "during" + i, "handleSize", "short")));
      }
      broker.restart();

      for (SagaHandle<StepResults> saga : sagas) {
        SagaOutcome outcome = await(saga.outcome());
        assertEquals(SagaStatus.FINISHED, outcome.status(), outcome.toString());
      }
      Set<String> made = hammers.hammers.stream().map(key -> key.substring(0, key.indexOf(':')))
          .collect(Collectors.toSet());
      assertEquals(sagas.stream().map(SagaHandle::sagaId).collect(Collectors.toSet()), made,
          "every saga's hammer was made");
    }
  }
}
