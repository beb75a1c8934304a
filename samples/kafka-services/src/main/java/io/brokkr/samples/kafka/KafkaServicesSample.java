package io.brokkr.samples.kafka;

import io.brokkr.kafka.KafkaBridgeConfig;
import io.brokkr.kafka.KafkaCoordinator;
import io.brokkr.kafka.KafkaStepService;
import io.brokkr.kafka.LocalKafkaBroker;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The hammer services of the original README over Kafka: the hammer's coordinator runs the saga, and
 * each step runs in a service of its own, reached through the Kafka bridge.
 *
 * <pre>
 * mvn -q -pl samples/kafka-services -am compile exec:java                                  # starts a broker of its own
 * mvn -q -pl samples/kafka-services -am compile exec:java -Dexec.args="--fail"             # the head is destroyed
 * mvn -q -pl samples/kafka-services -am compile exec:java -Dexec.args="localhost:9092"     # on your Kafka
 * mvn -q -pl samples/kafka-services -am compile exec:java -Dexec.args="--throughput 3000" # the bridge's throughput
 * </pre>
 */
public final class KafkaServicesSample {
  private static final long PATIENCE_SECONDS = 90;

  private KafkaServicesSample() {}

  /**
   * Runs one hammer saga on {@code bootstrapServers}, or on a broker of its own when empty.
   *
   * @return how the saga ended
   */
  static SagaOutcome run(Optional<String> bootstrapServers, boolean hammerFails, PrintStream out) {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      String servers = bootstrapServers.orElseGet(() -> {
        out.println("No bootstrap servers given: starting a Kafka broker (KRaft, one node) in a child JVM...");
        LocalKafkaBroker broker = LocalKafka.start();
        opened.add(0, broker);
        out.println("Kafka is at " + broker.bootstrapServers() + " (pid " + broker.pid() + ")");
        return broker.bootstrapServers();
      });
      KafkaBridgeConfig kafka = KafkaBridgeConfig.of(servers);

      // The services: each only its business function.
      for (KafkaStepService service : Services.start(kafka, hammerFails, out)) {
        opened.add(0, service);
      }

      // The coordinator: a Brokkr node whose hammer steps are bound to their Kafka topics.
      Brokkr brokkr = Brokkr.inMemory("hammer-services");
      opened.add(0, brokkr);
      KafkaCoordinator coordinator = KafkaCoordinator.start(brokkr, kafka).bind(
          HammerServicesLauncher.HEAD_WORKER, HammerServicesLauncher.HANDLE_WORKER,
          HammerServicesLauncher.HAMMER_WORKER, HammerServicesLauncher.HEAD_COMPENSATOR_WORKER);
      opened.add(0, coordinator);

      SagaHandle<Object> saga = HammerServicesLauncher.start(brokkr, "ThunderBestowed", "short");
      SagaOutcome outcome = saga.outcome().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
      out.println("Saga " + outcome.status() + outcome.failure()
          .map(f -> ": step \"" + f.stepId() + "\" failed: " + f.reason()).orElse("")
          + "; results " + outcome.results());
      out.println("Coordinator: " + coordinator.stats());
      return outcome;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the saga ran", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the saga did not settle", e);
    } finally {
      for (AutoCloseable closeable : opened) {
        try {
          closeable.close();
        } catch (Exception e) {
          out.println("could not close " + closeable + ": " + e);
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> options = List.of(args);
    if (options.contains("--throughput")) {
      KafkaThroughput.main(options.stream().filter(arg -> !arg.startsWith("--")).toArray(String[]::new));
      return;
    }
    Optional<String> servers = options.stream().filter(arg -> !arg.startsWith("--")).findFirst();
    run(servers, options.contains("--fail"), System.out);
  }
}
