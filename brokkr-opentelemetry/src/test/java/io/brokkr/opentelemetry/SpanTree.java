package io.brokkr.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finished spans drawn as the trees their parents make, children in the order they started, each
 * with the service that made it, its attempt number and its error status: what a trace viewer shows,
 * without the ids that change from run to run.
 */
final class SpanTree {
  private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

  private SpanTree() {}

  static String render(List<SpanData> spans) {
    Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    StringBuilder out = new StringBuilder();
    for (SpanData root : childrenOf(spans, s -> !ids.contains(s.getParentSpanId()))) {
      line(out, "", "", root);
      children(out, spans, root, "");
    }
    return out.toString();
  }

  private static void children(StringBuilder out, List<SpanData> spans, SpanData parent, String indent) {
    List<SpanData> children = childrenOf(spans, s -> s.getParentSpanId().equals(parent.getSpanId()));
    for (int i = 0; i < children.size(); i++) {
      boolean last = i == children.size() - 1;
      line(out, indent, last ? "└── " : "├── ", children.get(i));
      children(out, spans, children.get(i), indent + (last ? "    " : "│   "));
    }
  }

  private static List<SpanData> childrenOf(List<SpanData> spans, java.util.function.Predicate<SpanData> which) {
    return spans.stream().filter(which).sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
  }

  private static void line(StringBuilder out, String indent, String branch, SpanData span) {
    String label = indent + branch + span.getName();
    out.append(String.format("%-26s [%s]", label, span.getResource().getAttribute(SERVICE)));
    Long attempt = span.getAttributes().get(BrokkrTracing.ATTEMPT);
    if (attempt != null) {
      out.append(" attempt ").append(attempt);
    }
    if (span.getAttributes().get(BrokkrTracing.COMPENSATES) != null) {
      out.append(", compensates");
    }
    if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
      out.append(", ERROR ").append(span.getStatus().getDescription());
    }
    out.append('\n');
  }
}
