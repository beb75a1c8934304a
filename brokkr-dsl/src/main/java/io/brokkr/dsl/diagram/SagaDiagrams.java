package io.brokkr.dsl.diagram;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaValidationException;
import java.util.Comparator;
import java.util.List;

/**
 * Draws saga templates: steps with their worker, inputs, retry policy and timeout; an arrow from
 * each dependency to the step that needs it; each compensator as a dashed node hanging off the step
 * it undoes. Steps keep their declaration order and lines end with {@code \n}, so that the same
 * template always gives the same text.
 */
public final class SagaDiagrams {
  /** The extension of Mermaid files, without the dot. */
  public static final String MERMAID_EXTENSION = "mmd";
  /** The extension of Graphviz DOT files, without the dot. */
  public static final String DOT_EXTENSION = "dot";

  private SagaDiagrams() {}

  /**
   * The Mermaid flowchart of a valid template, titled with the saga's name.
   *
   * @param template the saga to draw
   * @return the flowchart's text, for a {@code .mmd} file or a Markdown {@code mermaid} block
   * @throws SagaValidationException when the template is invalid
   */
  public static String mermaid(SagaTemplate template) {
    return MermaidRenderer.render(checked(template));
  }

  /**
   * The Graphviz DOT digraph of a valid template.
   *
   * @param template the saga to draw
   * @return the digraph's text, for a {@code .dot} file
   * @throws SagaValidationException when the template is invalid
   */
  public static String dot(SagaTemplate template) {
    return DotRenderer.render(checked(template));
  }

  /**
   * A Markdown page that embeds the Mermaid flowchart of every template, by saga name, and links
   * the files named {@code <SagaName>.mmd} and {@code <SagaName>.dot} beside it.
   *
   * @param templates the sagas, in the order the page lists them
   * @return the page's Markdown text
   * @throws SagaValidationException when a template is invalid
   */
  public static String index(List<SagaTemplate> templates) {
    List<SagaTemplate> sorted = templates.stream()
        .map(SagaDiagrams::checked).sorted(Comparator.comparing(SagaTemplate::name)).toList();
    return MarkdownIndex.render(sorted);
  }

  /**
   * {@return the file name of a saga's diagram with that extension, e.g. {@code Hammer.mmd}}
   *
   * @param template the saga, whose name is the file's
   * @param extension {@link #MERMAID_EXTENSION} or {@link #DOT_EXTENSION}, without the dot
   */
  public static String fileName(SagaTemplate template, String extension) {
    return template.name() + "." + extension;
  }

  private static SagaTemplate checked(SagaTemplate template) {
    template.validate().throwIfInvalid(template.name());
    return template;
  }
}
