package io.brokkr.kafka;

import java.io.File;
import java.nio.file.Path;

/** The broker of a test class, started from the class path the build wrote. */
final class Brokers {
  private Brokers() {}

  /** The test-scope class path the build wrote: kafka_2.13 with every other dependency of the tests. */
  static String classpath() {
    String file = System.getProperty("brokkr.kafka.broker.classpath", "target/kafka-broker.classpath");
    return LocalKafkaBroker.classpathFrom(Path.of(file));
  }

  static LocalKafkaBroker start() {
    return LocalKafkaBroker.start(classpath());
  }

  /** The class path of a child JVM that runs this module's (test) classes. */
  static String childClasspath() {
    return String.join(File.pathSeparator, Path.of("target/test-classes").toAbsolutePath().toString(),
        Path.of("target/classes").toAbsolutePath().toString(), classpath());
  }
}
