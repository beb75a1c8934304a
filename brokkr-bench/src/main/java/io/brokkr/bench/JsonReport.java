package io.brokkr.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The report as JSON, every run's figure included, for tools and for comparing runs. */
final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  static ObjectNode of(Report report) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode machine = root.putObject("machine");
    report.machine().forEach(machine::put);
    root.put("command", report.command());
    var cases = root.putArray("cases");
    for (Case c : report.cases()) {
      ObjectNode node = cases.addObject();
      node.put("case", c.label());
      node.put("scenario", c.scenario().cliName());
      node.put("shape", c.shape().cliName());
      node.put("stepsPerSaga", c.stepsPerSaga());
      node.put("sagasPerRun", c.sagas());
      node.put("concurrency", c.concurrency());
      node.put("warmupRuns", c.warmup());
      node.put("measuredRuns", c.runs());
      node.put("probeSagas", c.probeSagas());
      ObjectNode peers = node.putObject("results");
      for (String peer : report.peers()) {
        report.result(c, peer).ifPresent(r -> result(peers.putObject(peer), r));
      }
    }
    var goals = root.putArray("goals");
    for (Goals.Goal goal : report.goals()) {
      ObjectNode node = goals.addObject();
      node.put("goal", goal.goal());
      node.put("measured", goal.measured());
      goal.met().ifPresentOrElse(met -> node.put("met", met), () -> node.putNull("met"));
    }
    return root;
  }

  static void write(Report report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    MAPPER.writeValue(file.toFile(), of(report));
  }

  private static void result(ObjectNode node, CaseResult r) {
    r.error().ifPresent(e -> node.put("error", e));
    if (!r.notes().isEmpty()) {
      var notes = node.putArray("notes");
      r.notes().forEach(notes::add);
    }
    ObjectNode metrics = node.putObject("metrics");
    r.metrics().forEach((metric, stat) -> {
      ObjectNode m = metrics.putObject(metric.key());
      m.put("unit", metric.unit());
      m.put("min", stat.min());
      m.put("median", stat.median());
      m.put("max", stat.max());
      var runs = m.putArray("runs");
      stat.runs().forEach(runs::add);
    });
    if (!r.commandsPerStep().isEmpty()) {
      ObjectNode commands = node.putObject("clientCommandsPerStep");
      r.commandsPerStep().forEach(commands::put);
    }
  }
}
