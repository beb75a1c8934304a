package io.brokkr.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result envelope: how one attempt of a step ended, published by the service to the request's
 * {@code replyTo} topic. It echoes the request's routing fields, its fencing token included, so
 * that the coordinator settles exactly that attempt.
 *
 * @param version the envelope's version, {@value StepRequest#VERSION}
 * @param namespace the namespace of the request
 * @param sagaId the saga's id
 * @param stepId the step's id
 * @param worker the worker name
 * @param attempt the attempt number
 * @param fencingToken the fencing token of the request
 * @param idempotencyKey the step's idempotency key
 * @param result the step's result as JSON; empty for a step without result, and for a failure
 * @param failure why the attempt failed; empty when it finished
 * @param traceContext the W3C trace context; empty when none
 */
public record StepResult(
    int version,
    String namespace,
    String sagaId,
    String stepId,
    String worker,
    int attempt,
    long fencingToken,
    String idempotencyKey,
    Optional<JsonNode> result,
    Optional<String> failure,
    Map<String, String> traceContext) {

  /**
   * Checks that no component is null, and that a failure has no result.
   *
   * @param version the envelope's version
   * @param namespace the namespace of the request
   * @param sagaId the saga's id
   * @param stepId the step's id
   * @param worker the worker name
   * @param attempt the attempt number
   * @param fencingToken the fencing token of the request
   * @param idempotencyKey the step's idempotency key
   * @param result the step's result
   * @param failure why the attempt failed
   * @param traceContext the W3C trace context
   */
  public StepResult {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(failure, "failure");
    if (result.isPresent() && failure.isPresent()) {
      throw new IllegalArgumentException("a failed attempt has no result: " + failure.get());
    }
    traceContext = Map.copyOf(traceContext);
  }

  /**
   * {@return the result of the attempt that {@code request} asked for}
   *
   * @param request the request answered
   * @param result the step's result as JSON; empty for none
   * @param failure why it failed; empty when it finished
   * @param traceContext the W3C trace context; empty when none
   */
  public static StepResult answering(StepRequest request, Optional<JsonNode> result, Optional<String> failure,
      Map<String, String> traceContext) {
    return new StepResult(StepRequest.VERSION, request.namespace(), request.sagaId(), request.stepId(),
        request.worker(), request.attempt(), request.fencingToken(), request.idempotencyKey(), result, failure,
        traceContext);
  }

  /** {@return whether the attempt finished (no failure)} */
  public boolean finished() {
    return failure.isEmpty();
  }
}
