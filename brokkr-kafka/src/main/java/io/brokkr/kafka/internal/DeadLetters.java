package io.brokkr.kafka.internal;

import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a message that cannot be handled to the dead-letter topic: its key, value and headers as
 * they came, with the reason, where it came from and who refused it in headers of their own.
 */
public final class DeadLetters {
  /** Header: why the message was refused. */
  public static final String REASON = "brokkr-dead-letter-reason";
  /** Header: {@code topic/partition/offset} of the refused message. */
  public static final String ORIGIN = "brokkr-dead-letter-origin";
  /** Header: who refused it, e.g. {@code coordinator hammers} or {@code service HandleFactory}. */
  public static final String BY = "brokkr-dead-letter-by";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final String by;

  public DeadLetters(KafkaProducer<String, byte[]> producer, String topic, String by) {
    this.producer = producer;
    this.topic = topic;
    this.by = by;
  }

  /** Sends it; the caller waits for the acknowledgement before it commits the message's offset. */
  public Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, String reason) {
    String origin = record.topic() + "/" + record.partition() + "/" + record.offset();
    LOG.warn("dead letter from {}: {}", origin, reason);
    Headers headers = new RecordHeaders(record.headers().toArray());
    Envelopes.put(headers, REASON, reason);
    Envelopes.put(headers, ORIGIN, origin);
    Envelopes.put(headers, BY, by);
    return producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers));
  }
}
