package io.brokkr.kafka.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.kafka.StepRequest;
import io.brokkr.kafka.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the JSON of the envelopes and their Kafka headers. The JSON is written field by
 * field (not by data binding) so that its shape is exactly the documented one, and read field by
 * field so that a bad message gets a reason that names the field.
 */
public final class Envelopes {
  /** Header: what the message is, {@code request/1} or {@code result/1}. */
  public static final String ENVELOPE = "brokkr-envelope";
  /** Header: the namespace. */
  public static final String NAMESPACE = "brokkr-namespace";
  /** Header: the saga's id. */
  public static final String SAGA_ID = "brokkr-saga-id";
  /** Header: the step's id. */
  public static final String STEP_ID = "brokkr-step-id";
  /** Header: the worker name. */
  public static final String WORKER = "brokkr-worker";
  /** Header: the attempt number. */
  public static final String ATTEMPT = "brokkr-attempt";
  /** Header: the attempt's fencing token. */
  public static final String FENCING_TOKEN = "brokkr-fencing-token";
  /** Header of a result: {@code finished} or {@code failed}. */
  public static final String OUTCOME = "brokkr-outcome";

  private final ObjectMapper mapper;

  /** Over the mapper that turns args and results into JSON trees. */
  public Envelopes(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The mapper of the envelopes' JSON values. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The request's JSON, UTF-8. */
  public byte[] encode(StepRequest request) {
    ObjectNode json = routing(request.version(), request.namespace(), request.sagaId(), request.stepId(),
        request.worker(), request.attempt(), request.fencingToken(), request.idempotencyKey());
    json.put("replyTo", request.replyTo());
    json.set("args", array(request.args()));
    json.set("dependencyResults", array(request.dependencyResults()));
    if (request.compensatedResultUnknown()) {
      json.put("compensatedResultUnknown", true);
    }
    trace(json, request.traceContext());
    return bytes(json);
  }

  /** The result's JSON, UTF-8. */
  public byte[] encode(StepResult result) {
    ObjectNode json = routing(result.version(), result.namespace(), result.sagaId(), result.stepId(),
        result.worker(), result.attempt(), result.fencingToken(), result.idempotencyKey());
    json.put("outcome", result.finished() ? "finished" : "failed");
    result.result().ifPresent(value -> json.set("result", value));
    result.failure().ifPresent(reason -> json.put("failure", reason));
    trace(json, result.traceContext());
    return bytes(json);
  }

  /** The request's routing headers, and its trace context as W3C headers. */
  public Headers headers(StepRequest request) {
    Headers headers = routingHeaders("request", request.namespace(), request.sagaId(), request.stepId(),
        request.worker(), request.attempt(), request.fencingToken());
    request.traceContext().forEach((key, value) -> put(headers, key, value));
    return headers;
  }

  /** The result's routing headers and outcome, and its trace context as W3C headers. */
  public Headers headers(StepResult result) {
    Headers headers = routingHeaders("result", result.namespace(), result.sagaId(), result.stepId(),
        result.worker(), result.attempt(), result.fencingToken());
    put(headers, OUTCOME, result.finished() ? "finished" : "failed");
    result.traceContext().forEach((key, value) -> put(headers, key, value));
    return headers;
  }

  /** Reads a request, or says what is wrong with it. */
  public StepRequest decodeRequest(byte @Nullable [] value) throws MalformedEnvelopeException {
    Reader json = read(value);
    return new StepRequest(json.version(), json.text("namespace"), json.text("sagaId"), json.text("stepId"),
        json.text("worker"), json.attempt(), json.token(), json.text("idempotencyKey"), json.text("replyTo"),
        json.array("args"), json.array("dependencyResults"), json.flag("compensatedResultUnknown"), json.trace());
  }

  /** Reads a result, or says what is wrong with it. */
  public StepResult decodeResult(byte @Nullable [] value) throws MalformedEnvelopeException {
    Reader json = read(value);
    // The routing fields first: a reason names the first field that is wrong, in the documented order.
    int version = json.version();
    String namespace = json.text("namespace");
    String sagaId = json.text("sagaId");
    String stepId = json.text("stepId");
    String worker = json.text("worker");
    int attempt = json.attempt();
    long token = json.token();
    String key = json.text("idempotencyKey");
    String outcome = json.text("outcome");
    Optional<JsonNode> result = Optional.ofNullable(json.node.get("result")).filter(node -> !node.isNull());
    Optional<String> failure;
    if (outcome.equals("finished")) {
      failure = Optional.empty();
    } else if (outcome.equals("failed")) {
      failure = Optional.of(json.node.path("failure").asText("failed without a reason"));
      result = Optional.empty();
    } else {
      throw new MalformedEnvelopeException("field \"outcome\" is \"" + outcome + "\", not \"finished\" or \"failed\"");
    }
    return new StepResult(version, namespace, sagaId, stepId, worker, attempt, token, key, result, failure,
        json.trace());
  }

  /** The value of a header as text, if the message has it. */
  public static Optional<String> header(Headers headers, String key) {
    return Optional.ofNullable(headers.lastHeader(key))
        .map(header -> new String(header.value(), StandardCharsets.UTF_8));
  }

  /** Sets a text header, replacing one of that name. */
  public static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode routing(int version, String namespace, String sagaId, String stepId, String worker,
      int attempt, long token, String key) {
    ObjectNode json = mapper.createObjectNode();
    json.put("version", version);
    json.put("namespace", namespace);
    json.put("sagaId", sagaId);
    json.put("stepId", stepId);
    json.put("worker", worker);
    json.put("attempt", attempt);
    json.put("fencingToken", token);
    json.put("idempotencyKey", key);
    return json;
  }

  private static Headers routingHeaders(String kind, String namespace, String sagaId, String stepId,
      String worker, int attempt, long token) {
    Headers headers = new RecordHeaders();
    put(headers, ENVELOPE, kind + "/" + StepRequest.VERSION);
    put(headers, NAMESPACE, namespace);
    put(headers, SAGA_ID, sagaId);
    put(headers, STEP_ID, stepId);
    put(headers, WORKER, worker);
    put(headers, ATTEMPT, Integer.toString(attempt));
    put(headers, FENCING_TOKEN, Long.toString(token));
    return headers;
  }

  private ArrayNode array(List<JsonNode> values) {
    ArrayNode array = mapper.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static void trace(ObjectNode json, Map<String, String> traceContext) {
    traceContext.forEach(json::put);
  }

  private byte[] bytes(ObjectNode json) {
    try {
      return mapper.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  private Reader read(byte @Nullable [] value) throws MalformedEnvelopeException {
    if (value == null || value.length == 0) {
      throw new MalformedEnvelopeException("the message has no value");
    }
    JsonNode node;
    try {
      node = mapper.readTree(value);
    } catch (JsonProcessingException e) {
      throw new MalformedEnvelopeException("the value is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new MalformedEnvelopeException("the value cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MalformedEnvelopeException("the value is not a JSON object");
    }
    return new Reader(node);
  }

  /** Reads the fields of one envelope, naming the field that is missing or of the wrong type. */
  private static final class Reader {
    private static final List<String> TRACE_FIELDS = List.of("traceparent", "tracestate");
    private final JsonNode node;

    Reader(JsonNode node) {
      this.node = node;
    }

    int version() throws MalformedEnvelopeException {
      JsonNode version = node.get("version");
      if (version == null || !version.canConvertToInt()) {
        throw new MalformedEnvelopeException("field \"version\" is missing or not a number");
      }
      if (version.asInt() != StepRequest.VERSION) {
        throw new MalformedEnvelopeException("envelope version " + version.asInt() + " is not "
            + StepRequest.VERSION + ", the one this reader knows");
      }
      return version.asInt();
    }

    String text(String field) throws MalformedEnvelopeException {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual() || value.asText().isEmpty()) {
        throw new MalformedEnvelopeException("field \"" + field + "\" is missing or not a non-empty string");
      }
      return value.asText();
    }

    int attempt() throws MalformedEnvelopeException {
      JsonNode value = node.get("attempt");
      if (value == null || !value.canConvertToInt() || value.asInt() < 1) {
        throw new MalformedEnvelopeException("field \"attempt\" is missing or not a number from 1");
      }
      return value.asInt();
    }

    long token() throws MalformedEnvelopeException {
      JsonNode value = node.get("fencingToken");
      if (value == null || !value.isIntegralNumber()) {
        throw new MalformedEnvelopeException("field \"fencingToken\" is missing or not an integer");
      }
      return value.asLong();
    }

    List<JsonNode> array(String field) throws MalformedEnvelopeException {
      JsonNode value = node.get(field);
      if (value == null) {
        return List.of();
      }
      if (!value.isArray()) {
        throw new MalformedEnvelopeException("field \"" + field + "\" is not an array");
      }
      List<JsonNode> values = new ArrayList<>();
      value.forEach(values::add);
      return values;
    }

    boolean flag(String field) {
      return node.path(field).asBoolean(false);
    }

    Map<String, String> trace() {
      Map<String, String> trace = new LinkedHashMap<>();
      for (String field : TRACE_FIELDS) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual()) {
          trace.put(field, value.asText());
        }
      }
      return trace;
    }
  }
}
