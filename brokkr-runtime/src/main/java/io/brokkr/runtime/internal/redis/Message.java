package io.brokkr.runtime.internal.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.SagaOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message of the event channel: the events of one transition of one saga, with the saga's
 * sequence number, {@code {"s":sagaId,"q":seq,"e":[["S",from,to],["T",step,worker,from,to],
 * ["R",step,worker,entry],["A",action,step or "",author,note]]}}; the message of a saga's settling also carries its outcome,
 * {@code "o":{"r":[step,resultJson,...],"f":failureJson}}, unless the results were too long.
 *
 * @param ready the queue entries of the WorkReady events, in the same order
 */
record Message(String sagaId, long sequence, List<StoreEvent> events, List<Entry> ready) {

  static Message read(JsonNode json, Snapshots snapshots) {
    String sagaId = json.get("s").asText();
    Optional<StoreEvent.Settlement> settlement = settlement(json.get("o"), snapshots);
    List<StoreEvent> events = new ArrayList<>();
    List<Entry> ready = new ArrayList<>();
    for (JsonNode e : json.get("e")) {
      switch (e.get(0).asText()) {
        case "S" -> {
          SagaStatus to = SagaStatus.valueOf(e.get(2).asText());
          events.add(new StoreEvent.SagaMoved(sagaId, SagaStatus.valueOf(e.get(1).asText()), to,
              to.isSettled() ? settlement : Optional.empty()));
        }
        case "T" -> events.add(new StoreEvent.StepMoved(sagaId, e.get(1).asText(), e.get(2).asText(),
            StepStatus.valueOf(e.get(3).asText()), StepStatus.valueOf(e.get(4).asText())));
        case "R" -> {
          events.add(new StoreEvent.WorkReady(sagaId, e.get(1).asText(), e.get(2).asText()));
          ready.add(Entry.parse(e.get(3).asText()).orElseThrow());
        }
        case "A" -> {
          String step = e.get(2).asText();
          events.add(new StoreEvent.Acted(sagaId, new OperatorAction(OperatorAction.Kind.valueOf(e.get(1).asText()),
              step.isEmpty() ? Optional.empty() : Optional.of(step), e.get(3).asText(), e.get(4).asText())));
        }
        default -> throw new IllegalStateException("unknown event " + e);
      }
    }
    return new Message(sagaId, json.get("q").asLong(), events, ready);
  }

  /** The outcome {@code o} of a settling's message (or of the caller's own facts); empty when there is none. */
  static Optional<StoreEvent.Settlement> settlement(JsonNode o, Snapshots snapshots) {
    if (o == null || !o.isObject()) {
      return Optional.empty();
    }
    Map<String, String> results = new LinkedHashMap<>();
    JsonNode r = o.get("r");
    if (r != null && r.isArray()) {
      for (int i = 0; i + 1 < r.size(); i += 2) {
        results.put(r.get(i).asText(), r.get(i + 1).asText());
      }
    }
    Optional<SagaOutcome.Failure> failure = Optional.ofNullable(o.get("f")).filter(JsonNode::isTextual)
        .map(f -> snapshots.failure(f.asText()));
    return Optional.of(new StoreEvent.Settlement(failure, results));
  }
}
