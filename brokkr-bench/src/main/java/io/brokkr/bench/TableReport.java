package io.brokkr.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The report as text: one table per case, peers side by side, then the goals. */
final class TableReport {
  private static final int LABEL = 40;
  private static final int CELL = 26;

  private TableReport() {}

  static String render(Report report) {
    StringBuilder out = new StringBuilder();
    out.append("Machine: ");
    out.append(report.machine().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("; "))).append('\n');
    out.append("Cells: median [min–max] over the measured runs. ");
    boolean compared = report.peers().contains(Goals.REDIS) && report.peers().contains(Goals.BULLMQ);
    if (compared) {
      out.append("Last column: how many times better brokkr-redis is than bullmq (below 1: bullmq is better).");
    }
    out.append('\n');
    for (Case c : report.cases()) {
      table(out, report, c, compared);
    }
    out.append("\nGoals\n");
    for (Goals.Goal goal : report.goals()) {
      String verdict = goal.met().map(met -> met ? "MET   " : "MISSED").orElse("n/a   ");
      out.append("  ").append(verdict).append(' ').append(goal.goal()).append(": ").append(goal.measured()).append('\n');
    }
    return out.toString();
  }

  private static void table(StringBuilder out, Report report, Case c, boolean compared) {
    List<String> peers = report.peers().stream().filter(p -> report.result(c, p).isPresent()).toList();
    out.append('\n').append(c.label()).append(" — ").append(c.description()).append('\n');
    out.append(pad("", LABEL));
    peers.forEach(p -> out.append(pad(p, CELL)));
    if (compared) {
      out.append("redis vs bullmq");
    }
    out.append('\n');
    Set<Metric> metrics = new LinkedHashSet<>();
    peers.forEach(p -> report.result(c, p).ifPresent(r -> metrics.addAll(r.metrics().keySet())));
    for (Metric metric : metrics) {
      out.append(pad(metric.label() + unit(metric), LABEL));
      for (String peer : peers) {
        out.append(pad(stat(report, c, peer, metric).map(Numbers::format).orElse("–"), CELL));
      }
      if (compared) {
        Optional<Stat> ours = stat(report, c, Goals.REDIS, metric);
        Optional<Stat> theirs = stat(report, c, Goals.BULLMQ, metric);
        if (ours.isPresent() && theirs.isPresent() && theirs.get().median() > 0 && ours.get().median() > 0) {
          out.append('x').append(Numbers.format(Numbers.advantage(metric, ours.get().median(), theirs.get().median())));
        }
      }
      out.append('\n');
    }
    for (String peer : peers) {
      CaseResult r = report.result(c, peer).orElseThrow();
      r.error().ifPresent(e -> out.append("  ").append(peer).append(" failed: ").append(brief(e)).append('\n'));
      r.notes().forEach(n -> out.append("  ").append(peer).append(": ").append(n).append('\n'));
      if (!r.commandsPerStep().isEmpty()) {
        List<String> parts = new ArrayList<>();
        r.commandsPerStep().forEach((command, n) -> parts.add(command + " " + Numbers.format(n)));
        out.append("  ").append(peer).append(" client commands per step: ").append(String.join(", ", parts)).append('\n');
      }
    }
  }

  /** The start of an error: a client's message can run to a screen; the JSON report keeps it whole. */
  private static String brief(String error) {
    return error.length() <= 240 ? error : error.substring(0, 240) + "…";
  }

  private static Optional<Stat> stat(Report report, Case c, String peer, Metric metric) {
    return report.result(c, peer).flatMap(r -> r.stat(metric));
  }

  private static String unit(Metric metric) {
    return switch (metric.unit()) {
      case "1/s", "commands" -> "";
      default -> " (" + metric.unit() + ")";
    };
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
