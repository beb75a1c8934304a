package io.brokkr.kafka.internal;

import io.brokkr.kafka.StepResult;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.spi.StoreRejectedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's consumer of the results topic: settles each result's attempt through its fencing
 * token, then commits. A result the fence refuses is counted and logged; one that cannot be handled
 * goes to the dead-letter topic; a store that fails is asked again from the same offset, so no
 * result is lost (a result settled twice is refused the second time).
 */
public final class ResultsLoop extends ConsumerLoop {
  private static final Logger LOG = LoggerFactory.getLogger(ResultsLoop.class);

  private final Brokkr brokkr;
  private final Envelopes envelopes;
  private final Tracing tracing;
  private final DeadLetters deadLetters;
  private final Counters counters;

  public ResultsLoop(Brokkr brokkr, KafkaConsumer<String, byte[]> consumer, String topic, Envelopes envelopes,
      Tracing tracing, DeadLetters deadLetters, Counters counters) {
    super(consumer, topic, "the results consumer of topic " + topic);
    this.brokkr = brokkr;
    this.envelopes = envelopes;
    this.tracing = tracing;
    this.deadLetters = deadLetters;
    this.counters = counters;
  }

  @Override
  void handle(ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    List<Future<RecordMetadata>> letters = new ArrayList<>();
    boolean storeFailed = false;
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
        Optional<String> deadLetter;
        try {
          deadLetter = settle(record);
        } catch (RuntimeException e) {
          // The store did not answer: this partition starts again here after a pause.
          LOG.warn("could not settle the result at {}/{}/{}; trying again", record.topic(), record.partition(),
              record.offset(), e);
          consumer.seek(partition, record.offset());
          storeFailed = true;
          break;
        }
        deadLetter.ifPresent(reason -> letters.add(deadLetters.send(record, reason)));
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    if (awaitAll(letters)) {
      counters.deadLettered.add(letters.size());
      if (!done.isEmpty()) {
        consumer.commitSync(done);
      }
    } else {
      done.keySet().forEach(partition -> consumer.seek(partition, firstOffset(records, partition)));
    }
    if (storeFailed) {
      pause();
    }
  }

  /** Settles the result's attempt; returns the reason when it must go to the dead-letter topic. */
  private Optional<String> settle(ConsumerRecord<String, byte[]> record) {
    StepResult result;
    try {
      result = envelopes.decodeResult(record.value());
    } catch (MalformedEnvelopeException e) {
      return Optional.of("malformed result: " + e.getMessage());
    }
    if (!result.namespace().equals(brokkr.namespace())) {
      counters.foreign.increment();
      LOG.debug("result of namespace {} left to its coordinator: saga {} step {}", result.namespace(),
          result.sagaId(), result.stepId());
      return Optional.empty();
    }
    Optional<Saga> saga = brokkr.getSaga(result.sagaId());
    if (saga.isEmpty()) {
      return Optional.of("unknown saga " + result.sagaId() + " in namespace " + result.namespace()
          + " (step " + result.stepId() + ")");
    }
    boolean applied;
    try {
      applied = tracing.within(result.traceContext(), () -> apply(saga.get(), result));
    } catch (IllegalArgumentException e) {
      return Optional.of("saga " + result.sagaId() + " refused the result of step " + result.stepId() + ": "
          + e.getMessage());
    } catch (IllegalStateException e) {
      if (!(e.getCause() instanceof StoreRejectedException)) {
        throw e;
      }
      applied = false;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (applied) {
      counters.settled.increment();
    } else {
      counters.refused.increment();
      LOG.info("refused a late or duplicate result: saga {} step {} attempt {} (token {}), {}", result.sagaId(),
          result.stepId(), result.attempt(), result.fencingToken(), result.finished() ? "finished" : "failed");
    }
    return Optional.empty();
  }

  private boolean apply(Saga saga, StepResult result) {
    if (!result.finished()) {
      return saga.attemptFailed(result.stepId(), result.fencingToken(), result.failure().orElseThrow());
    }
    return result.result().isPresent()
        ? saga.attemptFinished(result.stepId(), result.fencingToken(), result.result().get())
        : saga.attemptFinished(result.stepId(), result.fencingToken());
  }

  private boolean awaitAll(List<Future<RecordMetadata>> sends) {
    try {
      for (Future<RecordMetadata> send : sends) {
        send.get();
      }
      return true;
    } catch (ExecutionException e) {
      LOG.warn("could not send to the dead-letter topic; those results are read again", e.getCause());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static long firstOffset(ConsumerRecords<String, byte[]> records, TopicPartition partition) {
    return records.records(partition).get(0).offset();
  }
}
