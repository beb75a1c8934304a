package io.brokkr.dsl.diagram;

import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.Durations;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What both renderers draw, independent of syntax: nodes with their label lines and the edges
 * between them. Node ids are positional ({@code s0}, {@code s1}, {@code c0} for the compensator of
 * {@code s0}), because step names may hold characters that the diagram languages reserve.
 */
record DiagramNodes(String saga, List<Node> steps, List<Node> compensators, List<Edge> dependencies,
    List<Edge> compensations) {

  /** A node and the lines of its label, the first naming it. */
  record Node(String id, List<String> label) {}

  /** An arrow from one node id to another. */
  record Edge(String from, String to) {}

  static DiagramNodes of(SagaTemplate template) {
    Map<String, String> ids = new HashMap<>();
    List<Node> steps = new ArrayList<>();
    for (StepTemplate step : template.steps()) {
      String id = "s" + steps.size();
      ids.put(step.name(), id);
      steps.add(new Node(id, stepLabel(step)));
    }
    List<Edge> dependencies = new ArrayList<>();
    for (StepTemplate step : template.steps()) {
      for (String dependency : step.dependsOn()) {
        dependencies.add(new Edge(ids.get(dependency), ids.get(step.name())));
      }
    }
    List<Node> compensators = new ArrayList<>();
    List<Edge> compensations = new ArrayList<>();
    for (StepTemplate step : template.steps()) {
      template.compensationOf(step.name()).ifPresent(compensation -> {
        String stepId = ids.get(step.name());
        String id = "c" + stepId.substring(1);
        compensators.add(new Node(id, compensationLabel(compensation)));
        compensations.add(new Edge(stepId, id));
      });
    }
    return new DiagramNodes(template.name(), steps, compensators, dependencies, compensations);
  }

  private static List<String> stepLabel(StepTemplate step) {
    List<String> lines = new ArrayList<>();
    lines.add(step.name());
    lines.add("worker: " + step.worker());
    if (!step.inputs().isEmpty()) {
      lines.add("inputs: " + String.join(", ", step.inputs()));
    }
    policy(step.retry(), step.timeout(), lines);
    if (step.async()) {
      lines.add("async");
    }
    return lines;
  }

  private static List<String> compensationLabel(Compensation compensation) {
    List<String> lines = new ArrayList<>();
    lines.add("compensate " + compensation.step());
    lines.add("worker: " + compensation.worker());
    if (!compensation.inputs().isEmpty()) {
      lines.add("inputs: " + String.join(", ", compensation.inputs()));
    }
    policy(compensation.retry(), compensation.timeout(), lines);
    return lines;
  }

  /** The retry and timeout lines of a step or compensator, for those it sets. */
  private static void policy(RetrySpec retry, Optional<Duration> timeout, List<String> lines) {
    if (!retry.isNodeDefault()) {
      lines.add("retry: " + retry(retry));
    }
    timeout.ifPresent(t -> lines.add("timeout: " + Durations.format(t)));
  }

  /**
   * E.g. {@code 5 attempts, backoff 100ms x2 up to 10s}; a single attempt says so, and a policy that
   * leaves values to the node's default says that too: {@code backoff 10ms, the rest from the node}.
   */
  static String retry(RetrySpec retry) {
    if (retry.maxAttempts().equals(Optional.of(1))) {
      return "1 attempt";
    }
    List<String> parts = new ArrayList<>();
    retry.maxAttempts().ifPresent(n -> parts.add(n + " attempts"));
    StringBuilder backoff = new StringBuilder("backoff");
    retry.backoff().ifPresent(b -> backoff.append(' ').append(Durations.format(b)));
    retry.backoffMultiplier().ifPresent(m ->
        backoff.append(" x").append(BigDecimal.valueOf(m).stripTrailingZeros().toPlainString()));
    retry.maxBackoff().ifPresent(m -> backoff.append(" up to ").append(Durations.format(m)));
    if (backoff.length() > "backoff".length()) {
      parts.add(backoff.toString());
    }
    if (!retry.isComplete()) {
      parts.add("the rest from the node");
    }
    return String.join(", ", parts);
  }
}
