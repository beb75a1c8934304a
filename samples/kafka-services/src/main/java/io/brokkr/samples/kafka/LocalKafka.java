package io.brokkr.samples.kafka;

import io.brokkr.kafka.LocalKafkaBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A broker of the sample's own, from the class path its build wrote (kafka-broker.classpath). */
final class LocalKafka {
  private LocalKafka() {}

  static LocalKafkaBroker start() {
    try (InputStream in = LocalKafka.class.getResourceAsStream("/kafka-broker.classpath")) {
      if (in == null) {
        throw new IllegalStateException("no kafka-broker.classpath: build the sample with Maven (see its README)");
      }
      return LocalKafkaBroker.start(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
