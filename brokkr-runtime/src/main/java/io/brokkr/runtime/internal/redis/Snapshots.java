package io.brokkr.runtime.internal.redis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the saga hash and the step states the scripts write. A step state is JSON with short names:
 * {@code id, w} worker, {@code d} dependencies, {@code dn} dependents, {@code st} status, {@code a}
 * attempts, {@code r} retry [attempts, initial ms, multiplier, max ms], {@code to} timeout ms,
 * {@code of} compensated step, {@code c} compensator, {@code t} token, {@code o} owner, {@code u}
 * lease until, {@code dl} deadline, {@code ra} retry at, {@code fr} failure reason, {@code fd}
 * failure detail, {@code q} entry, {@code pd} possibly done, and in a grant only {@code tc}, the saga's trace context.
 * Plain Jackson trees: no typing, nothing but JSON is read.
 */
final class Snapshots {
  private final ObjectMapper mapper = JsonMapper.builder().build();

  /** The saga of a hash as HGETALL returns it; empty when the hash is empty (no such saga). */
  /** A time field in ms (0 when absent). */
  private static Instant millis(String value) {
    return Instant.ofEpochMilli(value == null ? 0 : Long.parseLong(value));
  }

  Optional<SagaSnapshot> saga(String sagaId, Map<String, String> hash) {
    String status = hash.get("status");
    if (status == null) {
      return Optional.empty();
    }
    Optional<SagaOutcome.Failure> failure = Optional.ofNullable(hash.get("fail")).map(this::failure);
    List<StepSnapshot> steps = new ArrayList<>();
    String order = hash.getOrDefault("order", "");
    if (!order.isEmpty()) {
      for (String stepId : order.split("\n")) {
        steps.add(step(sagaId, hash.get("s:" + stepId), hash.get("a:" + stepId), Optional.ofNullable(hash.get("r:" + stepId))));
      }
    }
    return Optional.of(new SagaSnapshot(sagaId, SagaStatus.valueOf(status), failure, steps,
        Optional.ofNullable(hash.get("name")), millis(hash.get("ct")), millis(hash.get("ut"))));
  }

  /** A saga's failure from its {@code fail} field, {@code {"s":stepId,"r":reason}}. */
  SagaOutcome.Failure failure(String json) {
    JsonNode f = tree(json);
    return new SagaOutcome.Failure(f.get("s").asText(), f.get("r").asText());
  }

  /**
   * One step from its state JSON, its args and its result. The JSON is read as it streams by, without
   * a tree: every claim reads one (a tree was most of the Jackson time of a claim). Values are read
   * as a tree's {@code asText}, {@code asInt}, {@code asLong} and {@code asBoolean} read them.
   */
  StepSnapshot step(String sagaId, String stateJson, String argsJson, Optional<String> result) {
    String id = null;
    String worker = null;
    String status = null;
    String owner = null;
    String compensates = null;
    String compensator = null;
    String failureReason = null;
    String failureDetail = null;
    List<String> dependencies = List.of();
    int attempt = 0;
    long token = 0;
    long until = 0;
    Long timeout = null;
    Long deadline = null;
    Long retryAt = null;
    boolean possiblyDone = false;
    RetryPolicy retry = null;
    try (JsonParser p = parser(stateJson)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("a stored step state that is not a JSON object: " + stateJson);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_NULL) {
          continue; // as an absent field (a tree's NullNode reads as "null", which no field holds)
        }
        switch (field) {
          case "id" -> id = p.getValueAsString();
          case "w" -> worker = p.getValueAsString();
          case "st" -> status = p.getValueAsString();
          case "o" -> owner = p.getValueAsString();
          case "of" -> compensates = p.getValueAsString();
          case "c" -> compensator = p.getValueAsString();
          case "fr" -> failureReason = p.getValueAsString();
          case "fd" -> failureDetail = p.getValueAsString();
          case "d" -> dependencies = texts(p);
          case "a" -> attempt = p.getValueAsInt();
          case "t" -> token = p.getValueAsLong();
          case "u" -> until = p.getValueAsLong();
          case "to" -> timeout = p.getValueAsLong();
          case "dl" -> deadline = p.getValueAsLong();
          case "ra" -> retryAt = p.getValueAsLong();
          case "pd" -> possiblyDone = p.getValueAsBoolean(false);
          case "r" -> retry = retry(p);
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("stored value is not JSON: " + stateJson, e);
    }
    if (id == null || worker == null || status == null || retry == null) {
      throw new IllegalStateException("a stored step state without its id, worker, status or retry: " + stateJson);
    }
    StepStatus stepStatus = StepStatus.valueOf(status);
    StepSpec spec = new StepSpec(id, worker, dependencies, argsJson, retry,
        Optional.ofNullable(timeout).map(Duration::ofMillis));
    Optional<Lease> lease = stepStatus == StepStatus.RUNNING
        ? Optional.of(new Lease(token, Objects.requireNonNull(owner, () -> "a running step without its owner: " + stateJson),
            Instant.ofEpochMilli(until),
            Optional.ofNullable(deadline).map(Instant::ofEpochMilli)))
        : Optional.empty();
    return new StepSnapshot(sagaId, spec, Optional.ofNullable(compensates), Optional.ofNullable(compensator), stepStatus,
        attempt, lease, Optional.ofNullable(retryAt).map(Instant::ofEpochMilli), result,
        Optional.ofNullable(failureReason), Optional.ofNullable(failureDetail), possiblyDone);
  }

  /** The retry policy {@code [attempts, initial ms, multiplier as text, max ms]}; the parser is at its '['. */
  private static RetryPolicy retry(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalStateException("a stored retry policy that is not an array");
    }
    p.nextToken();
    int attempts = p.getValueAsInt();
    p.nextToken();
    long initial = p.getValueAsLong();
    p.nextToken();
    double multiplier = Double.parseDouble(p.getText());
    p.nextToken();
    long max = p.getValueAsLong();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      p.skipChildren(); // values a later version may add
    }
    return new RetryPolicy(attempts, Duration.ofMillis(initial), multiplier, Duration.ofMillis(max));
  }

  /**
   * The texts of an array (each value as a tree's {@code asText} reads it); none for anything else
   * (Lua's cjson writes an empty table as {}). The parser is at its '['.
   */
  static List<String> texts(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      texts.add(p.getText());
      p.skipChildren();
    }
    return texts;
  }

  /** A trace context as the saga hash keeps it ({@code tc}): a JSON object of strings; '' for none. */
  String contextJson(Map<String, String> context) {
    if (context.isEmpty()) {
      return "";
    }
    try {
      return mapper.writeValueAsString(new TreeMap<>(context));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a trace context that is not JSON: " + context, e);
    }
  }

  /** The trace context a grant carries in its step state ({@code tc}, see grant in rules.lua); empty for none. */
  Map<String, String> context(String stepJson) {
    if (!stepJson.contains("\"tc\"")) {
      return Map.of(); // most sagas have none: no second parse
    }
    Optional<String> json = text(tree(stepJson), "tc");
    if (json.isEmpty()) {
      return Map.of();
    }
    Map<String, String> context = new TreeMap<>();
    tree(json.get()).fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
    return context;
  }

  /** A streaming parser of {@code json}, for readers that need no tree. */
  JsonParser parser(String json) throws IOException {
    return mapper.getFactory().createParser(json);
  }

  JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored value is not JSON: " + json, e);
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.get(field)).map(JsonNode::asText);
  }

}
