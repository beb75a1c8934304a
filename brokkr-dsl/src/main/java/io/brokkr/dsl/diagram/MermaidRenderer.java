package io.brokkr.dsl.diagram;

import io.brokkr.dsl.SagaTemplate;
import java.util.List;
import java.util.stream.Collectors;

/** A Mermaid flowchart, top to bottom: rectangles for steps, dashed stadiums for compensators. */
final class MermaidRenderer {
  private MermaidRenderer() {}

  static String render(SagaTemplate template) {
    DiagramNodes nodes = DiagramNodes.of(template);
    StringBuilder out = new StringBuilder()
        .append("---\n")
        .append("title: ").append(nodes.saga()).append('\n')
        .append("---\n")
        .append("flowchart TD\n");
    for (DiagramNodes.Node step : nodes.steps()) {
      out.append("  ").append(step.id()).append("[\"").append(label(step.label())).append("\"]\n");
    }
    for (DiagramNodes.Node compensator : nodes.compensators()) {
      out.append("  ").append(compensator.id()).append("([\"").append(label(compensator.label())).append("\"])\n");
    }
    for (DiagramNodes.Edge edge : nodes.dependencies()) {
      out.append("  ").append(edge.from()).append(" --> ").append(edge.to()).append('\n');
    }
    for (DiagramNodes.Edge edge : nodes.compensations()) {
      out.append("  ").append(edge.from()).append(" -. undo .-> ").append(edge.to()).append('\n');
    }
    if (!nodes.compensators().isEmpty()) {
      out.append("  classDef compensation stroke-dasharray: 4 4\n")
          .append("  class ")
          .append(nodes.compensators().stream().map(DiagramNodes.Node::id).collect(Collectors.joining(",")))
          .append(" compensation\n");
    }
    return out.toString();
  }

  /** Lines joined by {@code <br/>}, each with Mermaid's entity codes for the characters it reserves. */
  private static String label(List<String> lines) {
    return lines.stream().map(MermaidRenderer::escape).collect(Collectors.joining("<br/>"));
  }

  private static String escape(String text) {
    return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
  }
}
