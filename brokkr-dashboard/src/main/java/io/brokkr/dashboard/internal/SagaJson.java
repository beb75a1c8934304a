package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.SagaSummary;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.StepSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Sagas as the page reads them. Values from a saga (ids, names, args, results, reasons) go out as
 * JSON strings and values, never as markup: the page puts them in text nodes.
 */
final class SagaJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SagaJson() {}

  /** A row of the list. */
  static ObjectNode row(SagaSummary saga) {
    ObjectNode row = NODES.objectNode();
    row.put("sagaId", saga.sagaId());
    row.put("name", saga.name().orElse(null));
    row.put("status", saga.status().name());
    row.put("createdAt", saga.createdAt().toString());
    row.put("updatedAt", saga.updatedAt().toString());
    return row;
  }

  /**
   * A saga with every step as its graph draws them (one read of the store), the step whose failure
   * made it compensate, the actions it offers now and its timeline.
   */
  static ObjectNode detail(Saga saga, PageActions actions) {
    SagaSummary summary = saga.getSummary();
    List<StepSummary> steps = saga.getStepSummaries();
    ObjectNode detail = row(summary);
    ArrayNode array = detail.putArray("steps");
    steps.forEach(step -> array.add(step(step)));
    failure(saga, summary.status(), steps).ifPresent(failure -> {
      ObjectNode node = detail.putObject("failure");
      node.put("stepId", failure.stepId().isEmpty() ? null : failure.stepId());
      node.put("reason", failure.reason());
    });
    ArrayNode offered = detail.putArray("actions");
    actions.offeredOn(summary.status()).forEach(offered::add);
    ArrayNode history = detail.putArray("history");
    saga.getHistory().forEach(entry -> history.add(entry(entry)));
    return detail;
  }

  /** An entry of the saga's timeline. */
  static ObjectNode entry(HistoryEntry entry) {
    ObjectNode node = NODES.objectNode();
    node.put("at", entry.at().toString());
    node.put("kind", entry.kind().name());
    node.put("stepId", entry.stepId().orElse(null));
    node.put("from", entry.from().orElse(null));
    node.put("to", entry.to().orElse(null));
    node.put("node", entry.nodeId().orElse(null));
    node.put("attempt", entry.attempt());
    node.put("reason", entry.reason().orElse(null));
    entry.action().ifPresent(action -> node.putObject("action")
        .put("kind", action.kind().name())
        .put("stepId", action.stepId().orElse(null))
        .put("author", action.author())
        .put("note", action.note()));
    return node;
  }

  /** A step as its node in the graph shows it. */
  static ObjectNode step(StepSummary step) {
    ObjectNode node = NODES.objectNode();
    node.put("id", step.stepId());
    node.put("worker", step.workerName());
    node.put("status", step.status().name());
    ArrayNode dependsOn = node.putArray("dependsOn");
    step.dependsOn().forEach(dependsOn::add);
    node.put("compensates", step.compensates().orElse(null));
    node.put("compensator", step.compensator().orElse(null));
    node.put("attempts", step.attempt());
    node.put("failureReason", step.failureReason().orElse(null));
    node.put("possiblyDone", step.possiblyDone());
    node.put("node", step.node().orElse(null));
    node.put("leaseUntil", step.leaseUntil().map(Instant::toString).orElse(null));
    return node;
  }

  /**
   * A step with its args, result, the results it was given and its failed attempt's stack trace:
   * read when the operator opens it.
   */
  static ObjectNode stepDetail(SagaStep step, StepSummary summary) {
    ObjectNode node = step(summary);
    node.put("failureDetail", summary.failureDetail().orElse(null));
    node.set("args", values(step.getArgs()));
    node.set("result", step.getResult().map(SagaJson::value).orElse(null));
    node.put("hasResult", step.getResult().isPresent());
    node.set("dependencyResults", summary.dependsOn().isEmpty() ? NODES.arrayNode() : values(step.getDependencyResults()));
    return node;
  }

  private static ArrayNode values(List<@Nullable Object> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(v -> array.add(value(v)));
    return array;
  }

  private static JsonNode value(@Nullable Object value) {
    // Stored values are JSON already, decoded to maps, lists, strings and numbers.
    return Exchanges.JSON.valueToTree(value);
  }

  /**
   * Why the saga compensates: a settled saga's outcome says it (a cancel has no step); a saga still
   * compensating has its failed step.
   */
  private static Optional<SagaOutcome.Failure> failure(Saga saga, SagaStatus status, List<StepSummary> steps) {
    if (status.isSettled()) {
      try {
        return saga.getOutcome().get(2, TimeUnit.SECONDS).failure();
      } catch (ExecutionException | TimeoutException e) {
        // Then as for a saga still compensating.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return steps.stream()
        .filter(s -> s.compensates().isEmpty() && s.status() == StepStatus.FAILED)
        .findFirst()
        .map(s -> new SagaOutcome.Failure(s.stepId(), s.failureReason().orElse("failed")));
  }
}
