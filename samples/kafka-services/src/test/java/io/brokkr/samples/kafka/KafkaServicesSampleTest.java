package io.brokkr.samples.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.kafka.LocalKafkaBroker;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample as its README runs it, on one broker of the test's (the sample's own start is the same code). */
class KafkaServicesSampleTest {
  private static LocalKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = LocalKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void theHammerIsMadeByThreeServices() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SagaOutcome outcome = KafkaServicesSample.run(Optional.of(broker.bootstrapServers()), false,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(SagaStatus.FINISHED, outcome.status());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("hammer service: joining head-ThunderBestowed and handle-short"), printed);
  }

  @Test
  void whenTheHammerServiceFailsTheHeadIsDestroyedThroughKafka() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SagaOutcome outcome = KafkaServicesSample.run(Optional.of(broker.bootstrapServers()), true,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("head service: destroying head-ThunderBestowed"), printed);
  }
}
