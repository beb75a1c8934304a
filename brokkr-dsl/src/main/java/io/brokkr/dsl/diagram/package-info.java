/**
 * Pictures of saga templates: {@link io.brokkr.dsl.diagram.SagaDiagrams} renders a template as a
 * Mermaid flowchart or a Graphviz DOT graph, and an index of several sagas as Markdown. The output is
 * a pure function of the templates, so that unchanged sagas give byte-identical files.
 */
@NullMarked
package io.brokkr.dsl.diagram;

import org.jspecify.annotations.NullMarked;
