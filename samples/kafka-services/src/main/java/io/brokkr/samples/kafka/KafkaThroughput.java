package io.brokkr.samples.kafka;

import io.brokkr.kafka.KafkaBridgeConfig;
import io.brokkr.kafka.KafkaCoordinator;
import io.brokkr.kafka.KafkaStepService;
import io.brokkr.kafka.LocalKafkaBroker;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bridge's throughput: hammer sagas per second with all three steps over Kafka (one broker of its
 * own, the services in this JVM), at most 256 sagas in flight.
 *
 * <pre>
 * mvn -q -pl samples/kafka-services -am compile exec:java -Dexec.args="--throughput 3000"
 * </pre>
 */
public final class KafkaThroughput {
  private static final int IN_FLIGHT = 256;

  private KafkaThroughput() {}

  public static void main(String[] args) throws Exception {
    int sagas = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (LocalKafkaBroker broker = LocalKafka.start()) {
      KafkaBridgeConfig kafka = KafkaBridgeConfig.of(broker.bootstrapServers());
      List<KafkaStepService> services = Services.start(kafka, false, quiet);
      try (Brokkr brokkr = Brokkr.builder().namespace("throughput").concurrency(IN_FLIGHT).inMemory();
          KafkaCoordinator coordinator = KafkaCoordinator.start(brokkr, kafka).bind(
              HammerServicesLauncher.HEAD_WORKER, HammerServicesLauncher.HANDLE_WORKER,
              HammerServicesLauncher.HAMMER_WORKER, HammerServicesLauncher.HEAD_COMPENSATOR_WORKER)) {
        run(brokkr, sagas / 10);                          // warm-up: JIT, groups joined, topics' leaders known
        long start = System.nanoTime();
        run(brokkr, sagas);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d hammer sagas (3 steps each over Kafka) in %.1f s: %.0f sagas/s, %.0f steps/s%n",
            sagas, seconds, sagas / seconds, 3 * sagas / seconds);
        System.out.println("Coordinator: " + coordinator.stats());
      } finally {
        for (KafkaStepService service : services) {
          service.close();
        }
      }
    }
  }

  private static void run(Brokkr brokkr, int count) throws Exception {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<SagaOutcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      CompletableFuture<SagaOutcome> outcome = HammerServicesLauncher.start(brokkr, "ThunderBestowed", "short")
          .outcome();
      outcome.whenComplete((o, e) -> inFlight.release());
      outcomes.add(outcome);
    }
    for (CompletableFuture<SagaOutcome> outcome : outcomes) {
      SagaStatus status = outcome.get(120, TimeUnit.SECONDS).status();
      if (status != SagaStatus.FINISHED) {
        throw new IllegalStateException("a saga ended " + status);
      }
    }
  }
}
