package io.brokkr.kafka.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokkr.kafka.KafkaBridgeConfig;
import io.brokkr.kafka.ServiceCall;
import io.brokkr.kafka.ServiceListener;
import io.brokkr.kafka.StepFunction;
import io.brokkr.kafka.StepRequest;
import io.brokkr.kafka.StepResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of one worker's handler: reads a batch of requests, runs the function on each, publishes
 * each result, waits until the broker acknowledged every result of the batch, and only then commits
 * the batch's offsets. A handler that dies in between has its requests delivered again (at least
 * once); the coordinator's fence refuses the duplicate results.
 */
public final class HandlerLoop extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(HandlerLoop.class);

  private final String worker;
  private final StepFunction function;
  private final KafkaBridgeConfig config;
  private final KafkaProducer<String, byte[]> producer;
  private final Envelopes envelopes;
  private final Tracing tracing;
  private final DeadLetters deadLetters;
  private final ServiceListener listener;

  public HandlerLoop(String worker, StepFunction function, KafkaBridgeConfig config,
      KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer, Envelopes envelopes,
      Tracing tracing, DeadLetters deadLetters, ServiceListener listener) {
    super(consumer, config.topics().requests(worker), "the handler of worker " + worker);
    this.worker = worker;
    this.function = function;
    this.config = config;
    this.producer = producer;
    this.envelopes = envelopes;
    this.tracing = tracing;
    this.deadLetters = deadLetters;
    this.listener = listener;
  }

  /** What one request led to: a result to publish, or a dead letter. */
  private record Sent(Future<RecordMetadata> send, @Nullable StepRequest request, @Nullable StepResult result,
      @Nullable String deadLetter) {}

  @Override
  void handle(ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    List<Sent> sent = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      sent.add(handle(record));
      offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }
    try {
      for (Sent one : sent) {
        one.send().get(config.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        if (one.request() != null && one.result() != null) {
          listener.onResultPublished(one.request(), one.result());
        } else if (one.deadLetter() != null) {
          listener.onDeadLetter(worker, one.deadLetter());
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      // Not acknowledged: nothing is committed, and the batch is read again (its functions run again).
      LOG.warn("could not publish the results of worker {}; its requests are read again", worker, e);
      for (TopicPartition partition : records.partitions()) {
        consumer.seek(partition, records.records(partition).get(0).offset());
      }
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      return;
    }
    consumer.commitSync(offsets);
  }

  private Sent handle(ConsumerRecord<String, byte[]> record) {
    StepRequest request;
    try {
      request = envelopes.decodeRequest(record.value());
    } catch (MalformedEnvelopeException e) {
      return deadLetter(record, "malformed request: " + e.getMessage());
    }
    if (!request.worker().equals(worker)) {
      return deadLetter(record, "a request for worker " + request.worker() + " on the topic of worker " + worker);
    }
    StepResult result = run(request);
    // Keyed by saga, as the request: a saga's results keep their order.
    ProducerRecord<String, byte[]> reply = new ProducerRecord<>(request.replyTo(), null, request.sagaId(),
        envelopes.encode(result), envelopes.headers(result));
    return new Sent(producer.send(reply), request, result, null);
  }

  private StepResult run(StepRequest request) {
    try {
      return tracing.within(request.traceContext(), () -> {
        Object value = function.apply(new ServiceCall(request, envelopes.mapper()));
        Optional<JsonNode> result = Optional.ofNullable(value)
            .map(v -> (JsonNode) envelopes.mapper().valueToTree(v))
            .filter(node -> !node.isNull());
        // Traced while the request's context is current: the result continues the same trace.
        return StepResult.answering(request, result, Optional.empty(), tracing.current());
      });
    } catch (Exception e) {
      LOG.debug("worker {} failed {} attempt {}", worker, request.idempotencyKey(), request.attempt(), e);
      return StepResult.answering(request, Optional.empty(), Optional.of(reason(e)), request.traceContext());
    }
  }

  private Sent deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    return new Sent(deadLetters.send(record, reason), null, null, reason);
  }

  private static String reason(Throwable e) {
    StringBuilder reason = new StringBuilder();
    for (Throwable cause = e; cause != null && reason.length() < 2000; cause = cause.getCause()) {
      if (reason.length() > 0) {
        reason.append(" (caused by ");
      }
      reason.append(cause.getClass().getSimpleName());
      if (cause.getMessage() != null) {
        reason.append(": ").append(cause.getMessage());
      }
    }
    return reason.toString();
  }
}
