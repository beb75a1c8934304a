package io.brokkr.kafka;

import java.nio.file.Path;

/** The broker of a test class, started from the class path the build wrote. */
final class Brokers {
  private Brokers() {}

  static LocalKafkaBroker start() {
    String file = System.getProperty("brokkr.kafka.broker.classpath", "target/kafka-broker.classpath");
    return LocalKafkaBroker.start(LocalKafkaBroker.classpathFrom(Path.of(file)));
  }
}
