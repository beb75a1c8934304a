package io.brokkr.kafka.internal;

import io.brokkr.kafka.KafkaBridgeConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The bridge's Kafka clients, with the settings its delivery guarantees rest on. */
public final class Clients {
  private Clients() {}

  /**
   * An idempotent producer that waits for every in-sync replica: an acknowledged envelope survives a
   * broker restart, and a retried send is not written twice.
   */
  public static KafkaProducer<String, byte[]> producer(KafkaBridgeConfig config, String clientId) {
    Map<String, Object> properties = common(config, clientId);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // A send is given up after sendTimeout; Kafka wants that to cover linger plus one request.
    int linger = 1;
    int request = (int) Math.max(1, Math.min(config.sendTimeout().toMillis() / 2, 30_000));
    properties.put(ProducerConfig.LINGER_MS_CONFIG, linger);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, request);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
        (int) Math.max(config.sendTimeout().toMillis(), request + linger));
    return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * A consumer that commits only by hand, and starts a new group at the earliest message: a group
   * that joins after a request was published still gets it.
   */
  public static KafkaConsumer<String, byte[]> consumer(KafkaBridgeConfig config, String clientId, String groupId) {
    Map<String, Object> properties = common(config, clientId);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * Creates the topics that do not exist yet, with the broker's default partitions and replicas; a
   * cluster that forbids it (an ACL) is told once in the log, and its operators create them.
   */
  public static Optional<Exception> ensureTopics(KafkaBridgeConfig config, Collection<String> topics) {
    try (Admin admin = Admin.create(common(config, "brokkr-admin"))) {
      for (String topic : topics) {
        try {
          admin.createTopics(java.util.List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
              .all().get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            return Optional.of(e);
          }
        }
      }
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(e);
    } catch (TimeoutException | RuntimeException e) {
      return Optional.of(e);
    }
  }

  private static Map<String, Object> common(KafkaBridgeConfig config, String clientId) {
    Map<String, Object> properties = new HashMap<>(config.clientProperties());
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    return properties;
  }
}
