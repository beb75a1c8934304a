package io.brokkr.dsl.diagram;

import io.brokkr.dsl.SagaTemplate;
import java.util.List;
import java.util.Locale;

/** One section per saga: a heading, links to its two files and its Mermaid flowchart. */
final class MarkdownIndex {
  private MarkdownIndex() {}

  static String render(List<SagaTemplate> templates) {
    StringBuilder out = new StringBuilder("# Saga diagrams\n\n");
    if (templates.isEmpty()) {
      return out.append("No saga found.\n").toString();
    }
    for (SagaTemplate template : templates) {
      out.append("- [").append(template.name()).append("](#").append(anchor(template.name())).append(")\n");
    }
    for (SagaTemplate template : templates) {
      String mermaid = SagaDiagrams.fileName(template, SagaDiagrams.MERMAID_EXTENSION);
      String dot = SagaDiagrams.fileName(template, SagaDiagrams.DOT_EXTENSION);
      out.append("\n## ").append(template.name()).append("\n\n")
          .append("Files: [").append(mermaid).append("](").append(mermaid).append("), [")
          .append(dot).append("](").append(dot).append(")\n\n")
          .append("```mermaid\n").append(MermaidRenderer.render(template)).append("```\n");
    }
    return out.toString();
  }

  /** GitHub's heading anchor: lower case, with only letters, digits, '-' and '_' kept. */
  private static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
  }
}
