package io.brokkr.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run as a child
 * JVM for development, samples and tests: no Docker, no installed Kafka. It listens on two free
 * loopback ports, keeps its log in a directory of its own, and is stopped by its process id.
 *
 * <p>It needs the class path of {@code org.apache.kafka:kafka_2.13} (a Maven build writes it with
 * {@code dependency:build-classpath}, as this module's tests and {@code samples/kafka-services} do).
 * The JVM is kept small ({@code -Xmx256m}, serial GC), fit for a laptop or a CI runner.
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(30);

  private final String classpath;
  private final Path dir;
  private final int port;
  private final int controllerPort;
  private @Nullable Process process;

  private LocalKafkaBroker(String classpath, Path dir, int port, int controllerPort) {
    this.classpath = classpath;
    this.dir = dir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /**
   * Formats a fresh log directory and starts a broker on free loopback ports; returns once it
   * answers clients.
   *
   * @param classpath the class path of {@code org.apache.kafka:kafka_2.13} and its dependencies
   * @return the running broker; close it to stop it and delete its log
   * @throws IllegalStateException when the broker did not start within 90 seconds (its log is in the message)
   */
  public static LocalKafkaBroker start(String classpath) {
    Objects.requireNonNull(classpath, "classpath");
    try {
      Path dir = Files.createTempDirectory("brokkr-kafka-");
      LocalKafkaBroker broker = new LocalKafkaBroker(classpath, dir, freePort(), freePort());
      broker.format();
      broker.restart();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare a Kafka broker", e);
    }
  }

  /**
   * {@return the class path written by {@code dependency:build-classpath} to {@code file}}
   *
   * @param file the file holding the class path on one line
   * @throws UncheckedIOException when it cannot be read
   */
  public static String classpathFrom(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the broker's class path from " + file, e);
    }
  }

  /** {@return the {@code bootstrap.servers} of this broker, e.g. {@code 127.0.0.1:40123}} */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** {@return the process id of the broker's JVM, or -1 when it is stopped} */
  public long pid() {
    Process running = process;
    return running != null && running.isAlive() ? running.pid() : -1;
  }

  /**
   * Starts the broker again, on the same ports and log, after {@link #stop()} or {@link #kill()}; a
   * running broker is stopped first. Returns once it answers clients.
   *
   * @throws IllegalStateException when it did not start within 90 seconds
   */
  public synchronized void restart() {
    stop();
    process = launch("kafka.Kafka", dir.resolve("server.properties").toString());
    awaitReady(process);
  }

  /** Stops the broker as an operator would (SIGTERM, then SIGKILL after 30 s); its log stays. */
  public synchronized void stop() {
    Process running = process;
    process = null;
    if (running != null && running.isAlive()) {
      running.destroy();
      await(running, STOP);
    }
  }

  /** Kills the broker at once (SIGKILL), as a crash would; its log stays, so it can be restarted. */
  public synchronized void kill() {
    Process running = process;
    process = null;
    if (running != null) {
      running.destroyForcibly();
      await(running, STOP);
    }
  }

  /** Stops the broker and deletes its log directory. */
  @Override
  public void close() {
    kill();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temp directory left behind is harmless.
    }
  }

  private void format() throws IOException {
    Path log = dir.resolve("log");
    String properties = String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + log,
        "num.partitions=1",
        // One node: every internal topic has one replica, and few partitions to start quickly.
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=3",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=3",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=true",
        "");
    Files.writeString(dir.resolve("server.properties"), properties, StandardCharsets.UTF_8);
    Process formatting = launch("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
        "-c", dir.resolve("server.properties").toString());
    if (!await(formatting, STARTUP) || formatting.exitValue() != 0) {
      throw new IllegalStateException("could not format the broker's log directory:\n" + logTail());
    }
  }

  private Process launch(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k", "-Djava.awt.headless=true",
        "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.out").toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + mainClass, e);
    }
  }

  private void awaitReady(Process running) {
    Instant deadline = Instant.now().plus(STARTUP);
    Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
    try (Admin admin = Admin.create(config)) {
      while (Instant.now().isBefore(deadline)) {
        if (!running.isAlive()) {
          throw new IllegalStateException("the Kafka broker exited with " + running.exitValue() + ":\n" + logTail());
        }
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          // Not listening yet: ask again until the deadline.
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.destroyForcibly();
    throw new IllegalStateException("the Kafka broker did not answer within " + STARTUP + ":\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("broker.out"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean await(Process process, Duration patience) {
    try {
      if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
