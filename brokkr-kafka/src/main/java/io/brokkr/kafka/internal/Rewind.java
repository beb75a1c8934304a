package io.brokkr.kafka.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;

/**
 * What the bridge's consumer loops do when a batch went wrong half-way (a commit refused after a
 * rebalance, a broker gone, a listener that threw): go back to the committed offsets, so that
 * nothing of the batch is skipped, and pause before the next poll.
 */
final class Rewind {
  private static final Duration PAUSE = Duration.ofMillis(500);

  private Rewind() {}

  static void toCommitted(KafkaConsumer<String, byte[]> consumer, Logger log, String what, RuntimeException cause) {
    log.warn("{}: {}; reading again from the committed offsets", what, cause.toString(), cause);
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
      log.debug("could not rewind {}", what, e);
    }
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
