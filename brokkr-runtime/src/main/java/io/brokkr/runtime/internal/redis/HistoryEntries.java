package io.brokkr.runtime.internal.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.OperatorAction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the entries of a saga's history list as common.lua writes them: JSON with short names, t
 * time (ms; written as text now, as a number before, read either way), y kind (C, S, T, A), s step,
 * f from, o to, n node, a attempt, k token, r reason; for an action x its kind, u its author, m its
 * note.
 */
final class HistoryEntries {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private HistoryEntries() {}

  static List<HistoryEntry> decode(List<Object> raw) {
    return raw.stream().map(json -> entry(String.valueOf(json))).toList();
  }

  private static HistoryEntry entry(String json) {
    JsonNode e;
    try {
      e = MAPPER.readTree(json);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("stored history entry is not JSON: " + json, ex);
    }
    HistoryEntry.Kind kind = switch (e.path("y").asText()) {
      case "C" -> HistoryEntry.Kind.CREATED;
      case "S" -> HistoryEntry.Kind.SAGA_MOVED;
      case "T" -> HistoryEntry.Kind.STEP_MOVED;
      case "A" -> HistoryEntry.Kind.ACTION;
      default -> throw new IllegalStateException("unknown history entry kind: " + json);
    };
    Optional<OperatorAction> action = kind == HistoryEntry.Kind.ACTION
        ? Optional.of(new OperatorAction(OperatorAction.Kind.valueOf(e.path("x").asText()), text(e, "s"),
            e.path("u").asText(), e.path("m").asText()))
        : Optional.empty();
    return new HistoryEntry(Instant.ofEpochMilli(e.path("t").asLong()), kind, text(e, "s"), text(e, "f"),
        text(e, "o"), text(e, "n"), e.path("a").asInt(), e.path("k").asLong(), text(e, "r"), action);
  }

  private static Optional<String> text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
