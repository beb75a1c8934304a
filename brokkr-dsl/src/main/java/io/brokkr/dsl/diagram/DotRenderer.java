package io.brokkr.dsl.diagram;

import io.brokkr.dsl.SagaTemplate;
import java.util.List;
import java.util.stream.Collectors;

/** A Graphviz digraph, top to bottom: rounded boxes for steps, dashed ones for compensators. */
final class DotRenderer {
  private DotRenderer() {}

  static String render(SagaTemplate template) {
    DiagramNodes nodes = DiagramNodes.of(template);
    StringBuilder out = new StringBuilder()
        .append("digraph ").append(quote(nodes.saga())).append(" {\n")
        .append("  label=").append(quote(nodes.saga())).append(";\n")
        .append("  labelloc=t;\n")
        .append("  rankdir=TB;\n")
        .append("  node [shape=box, style=rounded];\n");
    for (DiagramNodes.Node step : nodes.steps()) {
      out.append("  ").append(step.id()).append(" [label=").append(label(step.label())).append("];\n");
    }
    for (DiagramNodes.Node compensator : nodes.compensators()) {
      out.append("  ").append(compensator.id()).append(" [label=").append(label(compensator.label()))
          .append(", style=\"rounded,dashed\"];\n");
    }
    for (DiagramNodes.Edge edge : nodes.dependencies()) {
      out.append("  ").append(edge.from()).append(" -> ").append(edge.to()).append(";\n");
    }
    for (DiagramNodes.Edge edge : nodes.compensations()) {
      out.append("  ").append(edge.from()).append(" -> ").append(edge.to())
          .append(" [style=dashed, label=\"undo\"];\n");
    }
    return out.append("}\n").toString();
  }

  private static String label(List<String> lines) {
    return lines.stream().map(DotRenderer::escape).collect(Collectors.joining("\\n", "\"", "\""));
  }

  private static String quote(String text) {
    return "\"" + escape(text) + "\"";
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
