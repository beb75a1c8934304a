package io.brokkr.kafka.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of one of the bridge's consumers: polls one topic and hands each batch to
 * {@link #handle}, which commits what it finished. A batch that went wrong half-way (a commit refused
 * after a rebalance, a broker gone, a listener that threw) sends the consumer back to the committed
 * offsets, so that nothing of it is skipped, and the loop pauses before it polls again.
 */
abstract class ConsumerLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration PAUSE = Duration.ofMillis(500);

  final KafkaConsumer<String, byte[]> consumer;
  private final String topic;
  private final String name;
  private volatile boolean closed;

  ConsumerLoop(KafkaConsumer<String, byte[]> consumer, String topic, String name) {
    this.consumer = consumer;
    this.topic = topic;
    this.name = name;
  }

  /** Handles one batch, and commits the offsets of what it finished. */
  abstract void handle(ConsumerRecords<String, byte[]> records);

  /** Stops the loop: it leaves the group without committing what it did not finish. */
  public void close() {
    closed = true;
    consumer.wakeup();
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic));
      while (!closed) {
        try {
          handle(consumer.poll(POLL));
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          LOG.warn("{}: {}; reading again from the committed offsets", name, e.toString(), e);
          rewind();
          pause();
        }
      }
    } catch (WakeupException e) {
      // close() was called.
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Sleeps a moment before the next poll: the store or the broker is away. */
  void pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  private void rewind() {
    try {
      Set<TopicPartition> assigned = consumer.assignment();
      Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
      for (TopicPartition partition : assigned) {
        OffsetAndMetadata offset = committed.get(partition);
        if (offset != null) {
          consumer.seek(partition, offset);
        } else {
          consumer.seekToBeginning(Set.of(partition));
        }
      }
    } catch (KafkaException e) {
      // The broker is away: the group's next assignment starts from the committed offsets anyway.
      LOG.debug("could not rewind {}", name, e);
    }
  }
}
