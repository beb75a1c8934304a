package io.brokkr.kafka.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.brokkr.kafka.KafkaBridgeConfig;
import io.brokkr.kafka.StepRequest;
import io.brokkr.runtime.StepInvocation;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * The body of a worker bound to a topic: publishes the attempt's request and returns once the broker
 * acknowledged it. A publish that fails or times out throws, so the attempt fails and is retried per
 * the step's policy; the step then waits for its result, under its timeout.
 */
public final class RequestPublisher implements Worker.AsyncBody {
  private final String namespace;
  private final String worker;
  private final String topic;
  private final KafkaBridgeConfig config;
  private final KafkaProducer<String, byte[]> producer;
  private final Envelopes envelopes;
  private final Tracing tracing;
  private final Counters counters;

  public RequestPublisher(String namespace, String worker, KafkaBridgeConfig config,
      KafkaProducer<String, byte[]> producer, Envelopes envelopes, Tracing tracing, Counters counters) {
    this.namespace = namespace;
    this.worker = worker;
    this.topic = config.topics().requests(worker);
    this.config = config;
    this.producer = producer;
    this.envelopes = envelopes;
    this.tracing = tracing;
    this.counters = counters;
  }

  @Override
  public void start(StepInvocation invocation) throws Exception {
    StepRequest request = new StepRequest(StepRequest.VERSION, namespace, invocation.sagaId(), invocation.stepId(),
        worker, invocation.attempt(), invocation.fencingToken(), invocation.context().idempotencyKey(),
        config.topics().results(), trees(invocation.args()), trees(invocation.dependencyResults()),
        invocation.compensatedResultUnknown(), tracing.current());
    // Keyed by saga: one saga's requests keep their order on one partition.
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, request.sagaId(),
        envelopes.encode(request), envelopes.headers(request));
    try {
      producer.send(record).get(config.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    counters.published.increment();
  }

  private List<JsonNode> trees(List<@Nullable Object> values) {
    return values.stream()
        .map(value -> value == null ? NullNode.getInstance() : (JsonNode) envelopes.mapper().valueToTree(value))
        .toList();
  }
}
