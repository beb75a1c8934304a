package io.brokkr.runtime.internal.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.StoreEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of the event channel: the events of one transition of one saga, with the saga's
 * sequence number, {@code {"s":sagaId,"q":seq,"e":[["S",from,to],["T",step,worker,from,to],
 * ["R",step,worker,entry]]}}.
 *
 * @param ready the queue entries of the WorkReady events, in the same order
 */
record Message(String sagaId, long sequence, List<StoreEvent> events, List<Entry> ready) {

  static Message read(JsonNode json) {
    String sagaId = json.get("s").asText();
    List<StoreEvent> events = new ArrayList<>();
    List<Entry> ready = new ArrayList<>();
    for (JsonNode e : json.get("e")) {
      switch (e.get(0).asText()) {
        case "S" -> events.add(new StoreEvent.SagaMoved(sagaId, SagaStatus.valueOf(e.get(1).asText()),
            SagaStatus.valueOf(e.get(2).asText())));
        case "T" -> events.add(new StoreEvent.StepMoved(sagaId, e.get(1).asText(), e.get(2).asText(),
            StepStatus.valueOf(e.get(3).asText()), StepStatus.valueOf(e.get(4).asText())));
        case "R" -> {
          events.add(new StoreEvent.WorkReady(sagaId, e.get(1).asText(), e.get(2).asText()));
          ready.add(Entry.parse(e.get(3).asText()).orElseThrow());
        }
        default -> throw new IllegalStateException("unknown event " + e);
      }
    }
    return new Message(sagaId, json.get("q").asLong(), events, ready);
  }

  /** Whether the saga settled in this transition: its last message. */
  boolean settles() {
    return events.stream().anyMatch(e -> e instanceof StoreEvent.SagaMoved m && m.to().isSettled());
  }
}
