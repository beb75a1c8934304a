package io.brokkr.kafka;

import static org.junit.jupiter.api.Assertions.fail;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test's bridge on the class's broker: its own namespace and topics (so tests sharing a broker
 * see none of each other's messages), the hammer saga, and what the test opened, closed after it.
 */
final class Bridge implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(60);
  /** Every hammer step runs in another service; the head is destroyed over Kafka too. */
  static final SagaTemplate HAMMER = SagaTemplate.named("Hammer")
      .input("headType", "String")
      .input("handleSize", "String")
      .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
      .step("handle").worker("HandleFactory").inputs("handleSize")
      .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
      .build();

  final String namespace = "t" + UUID.randomUUID().toString().substring(0, 8);
  final KafkaBridgeConfig config;
  private final List<AutoCloseable> opened = new ArrayList<>();

  Bridge(LocalKafkaBroker broker) {
    this.config = KafkaBridgeConfig.of(broker.bootstrapServers()).withTopics(new TopicNaming(
        namespace + ".{worker}.requests", namespace + ".results", namespace + ".dead-letters"));
  }

  <T extends AutoCloseable> T open(T closeable) {
    opened.add(0, closeable);
    return closeable;
  }

  /** A node with quick retries, whose hammer workers are bound to Kafka. */
  Brokkr node() {
    return open(Brokkr.builder().namespace(namespace)
        .defaultRetryPolicy(new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(200)))
        .inMemory());
  }

  KafkaCoordinator coordinator(Brokkr node) {
    return open(KafkaCoordinator.start(node, config))
        .bind("HammerHeadFactory", "HandleFactory", "HammerFactory", "HammerHeadDestroyer");
  }

  KafkaStepService service(String worker, StepFunction function) {
    return open(KafkaStepService.builder(config).handle(worker, function).start());
  }

  KafkaProducer<String, byte[]> producer() {
    return open(new KafkaProducer<>(Map.of("bootstrap.servers", config.bootstrapServers(), "acks", "all"),
        new StringSerializer(), new ByteArraySerializer()));
  }

  void send(String topic, String key, byte[] value) throws Exception {
    producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
  }

  /** Reads {@code topic} from its start until {@code count} messages came, failing after PATIENCE. */
  List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
        config.bootstrapServers(), "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records.size() >= count ? records : fail("read " + records.size() + " of " + count + " from " + topic);
    }
  }

  static SagaOutcome await(CompletableFuture<SagaOutcome> outcome) {
    try {
      return outcome.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return fail("no outcome within " + PATIENCE);
    } catch (InterruptedException | ExecutionException e) {
      return fail(e);
    }
  }

  /** Waits until {@code condition} holds, failing after PATIENCE. */
  static void eventually(String what, BooleanSupplier condition) {
    Eventually.until(what, condition, PATIENCE);
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }
}
