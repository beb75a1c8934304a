package io.brokkr.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request envelope: one attempt of a step, published by the coordinator to the worker's request
 * topic. Its JSON (version {@value #VERSION}) is described in the README, "The envelope"; the Kafka
 * headers repeat the routing fields.
 *
 * @param version the envelope's version, {@value #VERSION}
 * @param namespace the coordinator's Brokkr namespace
 * @param sagaId the saga's id
 * @param stepId the step's id
 * @param worker the worker name the step runs on
 * @param attempt the attempt number, from 1
 * @param fencingToken the attempt's fencing token: the result must carry it back
 * @param idempotencyKey the step's key, the same for every attempt ({@code sagaId:stepId})
 * @param replyTo the topic the result goes to
 * @param args the step's fixed args, as JSON
 * @param dependencyResults the results of the step's dependencies in declared order, as JSON (for a
 *     compensator: the compensated step's result); a JSON null for one without result
 * @param compensatedResultUnknown for a compensator: the compensated step is possibly done, its
 *     result unknown
 * @param traceContext the W3C trace context ({@code traceparent}, {@code tracestate}); empty when none
 */
public record StepRequest(
    int version,
    String namespace,
    String sagaId,
    String stepId,
    String worker,
    int attempt,
    long fencingToken,
    String idempotencyKey,
    String replyTo,
    List<JsonNode> args,
    List<JsonNode> dependencyResults,
    boolean compensatedResultUnknown,
    Map<String, String> traceContext) {

  /** The envelope version this library writes and reads. */
  public static final int VERSION = 1;

  /**
   * Checks that no component is null and copies the collections.
   *
   * @param version the envelope's version
   * @param namespace the coordinator's namespace
   * @param sagaId the saga's id
   * @param stepId the step's id
   * @param worker the worker name
   * @param attempt the attempt number
   * @param fencingToken the attempt's fencing token
   * @param idempotencyKey the step's idempotency key
   * @param replyTo the results topic
   * @param args the fixed args
   * @param dependencyResults the dependencies' results
   * @param compensatedResultUnknown whether a compensated step's result is unknown
   * @param traceContext the W3C trace context
   */
  public StepRequest {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(replyTo, "replyTo");
    args = List.copyOf(args);
    dependencyResults = List.copyOf(dependencyResults);
    traceContext = Map.copyOf(traceContext);
  }
}
