package io.brokkr.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the bridge's Kafka is and how it names its topics; shared by coordinators and services.
 *
 * @param bootstrapServers Kafka's {@code bootstrap.servers}
 * @param topics the topic names
 * @param clientProperties extra properties given to every producer, consumer and admin client
 *     (security, client ids, tuning); the bridge's own settings for delivery win over them
 * @param sendTimeout how long a publish may wait for the broker's acknowledgement before it counts as failed
 */
public record KafkaBridgeConfig(String bootstrapServers, TopicNaming topics, Map<String, String> clientProperties,
    Duration sendTimeout) {

  /**
   * Checks every component.
   *
   * @param bootstrapServers Kafka's {@code bootstrap.servers}
   * @param topics the topic names
   * @param clientProperties extra client properties
   * @param sendTimeout how long a publish may wait for its acknowledgement
   * @throws IllegalArgumentException for blank servers or a timeout that is not positive
   */
  public KafkaBridgeConfig {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(sendTimeout, "sendTimeout");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrapServers is blank");
    }
    if (sendTimeout.isNegative() || sendTimeout.isZero()) {
      throw new IllegalArgumentException("sendTimeout must be positive: " + sendTimeout);
    }
    clientProperties = Map.copyOf(clientProperties);
  }

  /**
   * {@return a config with the default topics, no extra properties and a send timeout of 30 s}
   *
   * @param bootstrapServers Kafka's {@code bootstrap.servers}, e.g. {@code localhost:9092}
   */
  public static KafkaBridgeConfig of(String bootstrapServers) {
    return new KafkaBridgeConfig(bootstrapServers, TopicNaming.DEFAULT, Map.of(), Duration.ofSeconds(30));
  }

  /**
   * {@return this config with other topic names}
   *
   * @param topics the topic names
   */
  public KafkaBridgeConfig withTopics(TopicNaming topics) {
    return new KafkaBridgeConfig(bootstrapServers, topics, clientProperties, sendTimeout);
  }

  /**
   * {@return this config with one more client property}
   *
   * @param key a Kafka client property, e.g. {@code security.protocol}
   * @param value its value
   */
  public KafkaBridgeConfig withClientProperty(String key, String value) {
    Map<String, String> properties = new HashMap<>(clientProperties);
    properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return new KafkaBridgeConfig(bootstrapServers, topics, properties, sendTimeout);
  }

  /**
   * {@return this config with another send timeout}
   *
   * @param sendTimeout how long a publish may wait for its acknowledgement
   */
  public KafkaBridgeConfig withSendTimeout(Duration sendTimeout) {
    return new KafkaBridgeConfig(bootstrapServers, topics, clientProperties, sendTimeout);
  }
}
