package io.brokkr.runtime.internal.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** One step from its state JSON, its args and its result. */
  StepSnapshot step(String sagaId, String stateJson, String argsJson, Optional<String> result) {
    return step(sagaId, tree(stateJson), argsJson, result);
  }

  /** One step from its parsed state, its args and its result. */
  StepSnapshot step(String sagaId, JsonNode s, String argsJson, Optional<String> result) {
    StepStatus status = StepStatus.valueOf(s.get("st").asText());
    JsonNode r = s.get("r");
    RetryPolicy retry = new RetryPolicy(r.get(0).asInt(), Duration.ofMillis(r.get(1).asLong()),
        Double.parseDouble(r.get(2).asText()), Duration.ofMillis(r.get(3).asLong()));
    StepSpec spec = new StepSpec(s.get("id").asText(), s.get("w").asText(), texts(s.get("d")), argsJson, retry,
        millis(s, "to").map(Duration::ofMillis));
    Optional<Lease> lease = status == StepStatus.RUNNING
        ? Optional.of(new Lease(s.get("t").asLong(), s.get("o").asText(), Instant.ofEpochMilli(s.get("u").asLong()),
            millis(s, "dl").map(Instant::ofEpochMilli)))
        : Optional.empty();
    return new StepSnapshot(sagaId, spec, text(s, "of"), text(s, "c"), status, s.get("a").asInt(), lease,
        millis(s, "ra").map(Instant::ofEpochMilli), result, text(s, "fr"), text(s, "fd"),
        s.path("pd").asBoolean(false));
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

  /**
   * The trace context a grant carries in its parsed step state ({@code tc}, see grant in rules.lua);
   * empty for none. The state is parsed once for the step and its context.
   */
  Map<String, String> context(JsonNode state) {
    Optional<String> json = text(state, "tc");
    if (json.isEmpty()) {
      return Map.of();
    }
    Map<String, String> context = new TreeMap<>();
    tree(json.get()).fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
    return context;
  }

  JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored value is not JSON: " + json, e);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> texts.add(n.asText()));
    }
    return texts;
  }

  private static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(node.get(field)).map(JsonNode::asText);
  }

  private static Optional<Long> millis(JsonNode node, String field) {
    return Optional.ofNullable(node.get(field)).map(JsonNode::asLong);
  }
}
