package io.brokkr.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.brokkr.kafka.internal.Clients;
import io.brokkr.kafka.internal.Counters;
import io.brokkr.kafka.internal.DeadLetters;
import io.brokkr.kafka.internal.Envelopes;
import io.brokkr.kafka.internal.RequestPublisher;
import io.brokkr.kafka.internal.ResultsLoop;
import io.brokkr.kafka.internal.Tracing;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator side of the bridge, on a node that runs sagas: each worker name bound here becomes
 * an async worker that publishes the attempt's {@link StepRequest} to the worker's request topic, and
 * a consumer of the results topic settles each attempt with its {@link StepResult}, through the
 * attempt's fencing token ({@code Saga.attemptFinished} / {@code attemptFailed}). A late or duplicate
 * result is refused by the fence, logged and counted; a malformed result, or one for an unknown saga
 * or step, goes to the dead-letter topic.
 *
 * <p>The results consumer's group is {@code brokkr.<namespace>.coordinator}: the nodes of a namespace
 * share the results, and any of them settles any saga. Close the coordinator before its node.
 */
public final class KafkaCoordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaCoordinator.class);

  private final Brokkr brokkr;
  private final KafkaBridgeConfig config;
  private final KafkaProducer<String, byte[]> producer;
  private final Envelopes envelopes = new Envelopes(new ObjectMapper());
  private final Tracing tracing = Tracing.detect();
  private final Counters counters = new Counters();
  private final ResultsLoop results;
  private final Thread thread;

  private KafkaCoordinator(Brokkr brokkr, KafkaBridgeConfig config) {
    this.brokkr = brokkr;
    this.config = config;
    String client = "brokkr-coordinator-" + brokkr.namespace() + "-" + UUID.randomUUID();
    this.producer = Clients.producer(config, client);
    DeadLetters deadLetters = new DeadLetters(producer, config.topics().deadLetters(),
        "coordinator " + brokkr.namespace());
    this.results = new ResultsLoop(brokkr, Clients.consumer(config, client, groupId(brokkr.namespace())),
        config.topics().results(), envelopes, tracing, deadLetters, counters);
    this.thread = new Thread(results, "brokkr-kafka-results-" + brokkr.namespace());
  }

  /**
   * Creates the results and dead-letter topics where they are missing and starts reading results.
   *
   * @param brokkr the node whose sagas the results settle
   * @param config where Kafka is, and the topic names
   * @return the running coordinator; bind worker names to it
   */
  public static KafkaCoordinator start(Brokkr brokkr, KafkaBridgeConfig config) {
    Objects.requireNonNull(brokkr, "brokkr");
    Objects.requireNonNull(config, "config");
    KafkaCoordinator coordinator = new KafkaCoordinator(brokkr, config);
    coordinator.ensure(List.of(config.topics().results(), config.topics().deadLetters()));
    coordinator.thread.start();
    return coordinator;
  }

  /**
   * {@return the group of the results consumers of a namespace: {@code brokkr.<namespace>.coordinator}}
   *
   * @param namespace a Brokkr namespace
   */
  public static String groupId(String namespace) {
    return "brokkr." + namespace + ".coordinator";
  }

  /**
   * Registers on the node, for each name, the async worker that publishes its steps' requests (see
   * {@link #worker(String)}), and creates its request topic where it is missing.
   *
   * @param workerNames the worker names whose steps run in other services
   * @return this coordinator
   * @throws IllegalArgumentException when the node has a worker of one of these names already
   */
  public KafkaCoordinator bind(String... workerNames) {
    for (String name : workerNames) {
      ensure(List.of(config.topics().requests(name)));
      brokkr.registerWorker(worker(name));
    }
    return this;
  }

  /**
   * {@return the async worker of that name that publishes each attempt's request and returns once the
   * broker acknowledged it, for a node that registers its workers itself} A publish that fails fails
   * the attempt, which is retried per the step's policy. Give such steps a timeout: a request whose
   * result never comes then fails as possibly done, and is retried or compensated.
   *
   * @param workerName the worker name whose steps run in another service
   */
  public Worker worker(String workerName) {
    return Worker.async(workerName, new RequestPublisher(brokkr.namespace(), workerName, config, producer, envelopes,
        tracing, counters));
  }

  /** {@return what this coordinator did since it started} */
  public CoordinatorStats stats() {
    return counters.snapshot();
  }

  /** Stops reading results (what was not committed is read again by the group) and closes the producer. */
  @Override
  public void close() {
    results.close();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }

  private void ensure(List<String> topics) {
    Clients.ensureTopics(config, topics)
        .ifPresent(e -> LOG.warn("could not create the topics {}; create them by hand if they are missing", topics, e));
  }
}
