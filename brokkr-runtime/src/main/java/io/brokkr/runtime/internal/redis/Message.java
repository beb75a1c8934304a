package io.brokkr.runtime.internal.redis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.SagaOutcome;
import java.io.IOException;
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

  /**
   * Reads a message as it streams by, without a tree (a node reads four per saga it started). The
   * events are built after the whole object is read, since the outcome ({@code "o"}) may come after them.
   */
  static Message read(String text, Snapshots snapshots) {
    String sagaId = null;
    long sequence = -1;
    List<List<String>> raw = null;
    Optional<StoreEvent.Settlement> settlement = Optional.empty();
    try (JsonParser p = snapshots.parser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "s" -> sagaId = p.getValueAsString();
          case "q" -> sequence = p.getValueAsLong(-1);
          case "e" -> raw = events(p);
          case "o" -> settlement = settlement(p, snapshots);
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("not JSON", e);
    }
    if (sagaId == null || sequence < 0 || raw == null) {
      throw new IllegalStateException("a message without its saga, number or events");
    }
    List<StoreEvent> events = new ArrayList<>(raw.size());
    List<Entry> ready = new ArrayList<>();
    for (List<String> e : raw) {
      switch (e.get(0)) {
        case "S" -> {
          SagaStatus to = SagaStatus.valueOf(e.get(2));
          events.add(new StoreEvent.SagaMoved(sagaId, SagaStatus.valueOf(e.get(1)), to,
              to.isSettled() ? settlement : Optional.empty()));
        }
        case "T" -> events.add(new StoreEvent.StepMoved(sagaId, e.get(1), e.get(2),
            StepStatus.valueOf(e.get(3)), StepStatus.valueOf(e.get(4))));
        case "R" -> {
          events.add(new StoreEvent.WorkReady(sagaId, e.get(1), e.get(2)));
          ready.add(Entry.parse(e.get(3)).orElseThrow());
        }
        case "A" -> {
          String step = e.get(2);
          events.add(new StoreEvent.Acted(sagaId, new OperatorAction(OperatorAction.Kind.valueOf(e.get(1)),
              step.isEmpty() ? Optional.empty() : Optional.of(step), e.get(3), e.get(4))));
        }
        default -> throw new IllegalStateException("unknown event " + e);
      }
    }
    return new Message(sagaId, sequence, events, ready);
  }

  /** The outcome of a settling as the caller's own facts tell it (JSON); empty when it is not an object. */
  static Optional<StoreEvent.Settlement> settlement(String outcome, Snapshots snapshots) {
    try (JsonParser p = snapshots.parser(outcome)) {
      p.nextToken();
      return settlement(p, snapshots);
    } catch (IOException e) {
      throw new IllegalStateException("an outcome that is not JSON: " + outcome, e);
    }
  }

  /** The events, each an array of texts; the parser is at the start of the list. */
  private static List<List<String>> events(JsonParser p) throws IOException {
    List<List<String>> events = new ArrayList<>();
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren(); // Lua's cjson writes an empty list as {}
      return events;
    }
    while (p.nextToken() == JsonToken.START_ARRAY) {
      events.add(Snapshots.texts(p));
    }
    if (p.currentToken() != JsonToken.END_ARRAY) {
      throw new IllegalStateException("an event that is not an array");
    }
    return events;
  }

  /** The outcome of a settling; empty when it is not an object. The parser is at its start. */
  private static Optional<StoreEvent.Settlement> settlement(JsonParser p, Snapshots snapshots) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Optional.empty();
    }
    Map<String, String> results = new LinkedHashMap<>();
    Optional<SagaOutcome.Failure> failure = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("r") && value == JsonToken.START_ARRAY) {
        List<String> r = Snapshots.texts(p);
        for (int i = 0; i + 1 < r.size(); i += 2) {
          results.put(r.get(i), r.get(i + 1));
        }
      } else if (field.equals("f") && value == JsonToken.VALUE_STRING) {
        failure = Optional.of(snapshots.failure(p.getText()));
      } else {
        p.skipChildren();
      }
    }
    return Optional.of(new StoreEvent.Settlement(failure, results));
  }
}
