package io.brokkr.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void starts() {
    long t = System.nanoTime();
    try (LocalKafkaBroker broker = Brokers.start()) {
      System.out.println("started in " + (System.nanoTime() - t) / 1_000_000 + " ms at " + broker.bootstrapServers());
      assertTrue(broker.pid() > 0);
      t = System.nanoTime();
      broker.kill();
      broker.restart();
      System.out.println("restarted in " + (System.nanoTime() - t) / 1_000_000 + " ms");
    }
  }
}
