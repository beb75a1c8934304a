package io.brokkr.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.kafka.internal.Clients;
import io.brokkr.kafka.internal.DeadLetters;
import io.brokkr.kafka.internal.Envelopes;
import io.brokkr.kafka.internal.HandlerLoop;
import io.brokkr.kafka.internal.Tracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service side of the bridge: for each worker name, a handler reads the worker's request topic,
 * runs the service's {@link StepFunction} and publishes its {@link StepResult} to the request's
 * {@code replyTo} topic. A request's offset is committed only once its result is acknowledged, so a
 * handler that dies in between gets the request again (at least once; the function deduplicates by
 * the idempotency key, and the coordinator refuses the duplicate result). A malformed request goes
 * to the dead-letter topic and the handler goes on.
 *
 * <p>Each worker's handlers form the group {@code brokkr.<worker>.service}: run the service on several
 * hosts and the group shares the request topic's partitions.
 */
public final class KafkaStepService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaStepService.class);

  private final KafkaProducer<String, byte[]> producer;
  private final List<HandlerLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private KafkaStepService(KafkaBridgeConfig config, Map<String, StepFunction> functions, ObjectMapper mapper,
      ServiceListener listener) {
    String client = "brokkr-service-" + UUID.randomUUID();
    this.producer = Clients.producer(config, client);
    Envelopes envelopes = new Envelopes(mapper);
    Tracing tracing = Tracing.detect();
    List<String> topics = new ArrayList<>(List.of(config.topics().results(), config.topics().deadLetters()));
    functions.keySet().forEach(worker -> topics.add(config.topics().requests(worker)));
    Clients.ensureTopics(config, topics)
        .ifPresent(e -> LOG.warn("could not create the topics {}; create them by hand if they are missing", topics, e));
    functions.forEach((worker, function) -> {
      HandlerLoop loop = new HandlerLoop(worker, function, config,
          Clients.consumer(config, client + "-" + worker, groupId(worker)), producer, envelopes, tracing,
          new DeadLetters(producer, config.topics().deadLetters(), "service " + worker), listener);
      loops.add(loop);
      threads.add(new Thread(loop, "brokkr-kafka-handler-" + worker));
    });
    threads.forEach(Thread::start);
  }

  /**
   * {@return a builder of a service on that Kafka}
   *
   * @param config where Kafka is, and the topic names
   */
  public static Builder builder(KafkaBridgeConfig config) {
    return new Builder(config);
  }

  /**
   * {@return the group of a worker's handlers: {@code brokkr.<worker>.service}}
   *
   * @param worker a worker name
   */
  public static String groupId(String worker) {
    return "brokkr." + worker + ".service";
  }

  /** Stops every handler: what was not committed is delivered again to the group. */
  @Override
  public void close() {
    loops.forEach(HandlerLoop::close);
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    producer.close(Duration.ofSeconds(5));
  }

  /** Collects the functions of a service, each by the worker name it serves. */
  public static final class Builder {
    private final KafkaBridgeConfig config;
    private final Map<String, StepFunction> functions = new LinkedHashMap<>();
    private ObjectMapper mapper = new ObjectMapper();
    private ServiceListener listener = new ServiceListener() {};

    private Builder(KafkaBridgeConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Serves the steps of {@code worker} with {@code function}.
     *
     * @param worker the worker name the coordinator bound
     * @param function the business function
     * @return this builder
     * @throws IllegalArgumentException when the worker has a function already, or its topic name is not legal
     */
    public Builder handle(String worker, StepFunction function) {
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(function, "function");
      config.topics().requests(worker);
      if (functions.putIfAbsent(worker, function) != null) {
        throw new IllegalArgumentException("worker \"" + worker + "\" has a function already");
      }
      return this;
    }

    /**
     * Reads args and writes results with this mapper (records, java.time need their modules).
     *
     * @param mapper the service's Jackson mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Tells {@code listener} what the handlers do.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ServiceListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * {@return the service, its handlers reading}
     *
     * @throws IllegalStateException when no function was given
     */
    public KafkaStepService start() {
      if (functions.isEmpty()) {
        throw new IllegalStateException("a service without functions: call handle(worker, function) first");
      }
      return new KafkaStepService(config, functions, mapper, listener);
    }
  }
}
