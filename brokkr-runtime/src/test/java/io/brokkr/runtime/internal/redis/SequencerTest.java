package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.StoreEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequencerTest {

  private static Message message(String saga, long sequence) {
    return new Message(saga, sequence, List.of(new StoreEvent.SagaMoved(saga, SagaStatus.CREATED, SagaStatus.RUNNING)), List.of());
  }

  private static List<Long> numbers(List<Message> messages) {
    return messages.stream().map(Message::sequence).toList();
  }

  @Test
  void messagesOfASagaComeOutInOrderAndDuplicatesAreDropped() {
    Sequencer sequencer = new Sequencer();
    assertEquals(List.of(1L), numbers(sequencer.accept(message("s", 1), 0)));
    assertEquals(List.of(), numbers(sequencer.accept(message("s", 3), 0)), "held for 2");
    assertEquals(List.of(), numbers(sequencer.accept(message("s", 4), 0)));
    assertTrue(sequencer.holding());
    assertEquals(List.of(2L, 3L, 4L), numbers(sequencer.accept(message("s", 2), 0)));
    assertFalse(sequencer.holding());
    assertEquals(List.of(), numbers(sequencer.accept(message("s", 3), 0)), "a duplicate");
    assertEquals(List.of(7L), numbers(sequencer.accept(message("other", 7), 0)), "first sight starts the order");
  }

  @Test
  void aGapIsGivenUpAfterTheHold() {
    Sequencer sequencer = new Sequencer();
    sequencer.accept(message("s", 1), 0);
    sequencer.accept(message("s", 3), 10);
    assertEquals(List.of(), numbers(sequencer.expire(Sequencer.HOLD_NANOS - 1)));
    assertEquals(List.of(3L), numbers(sequencer.expire(10 + Sequencer.HOLD_NANOS)));
    assertEquals(List.of(4L), numbers(sequencer.accept(message("s", 4), 0)));
  }

  @Test
  void aSettledSagaIsForgotten() {
    Sequencer sequencer = new Sequencer();
    Message settles = new Message("s", 2,
        List.of(new StoreEvent.SagaMoved("s", SagaStatus.RUNNING, SagaStatus.FINISHED)), List.of());
    sequencer.accept(message("s", 1), 0);
    assertEquals(List.of(2L), numbers(sequencer.accept(settles, 0)));
    assertFalse(sequencer.holding());
  }
}
