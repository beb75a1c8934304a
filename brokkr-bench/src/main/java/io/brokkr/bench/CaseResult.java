package io.brokkr.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How one peer did on one case: each figure over the measured runs, what the probe counted, or
 * why the peer could not run it.
 *
 * @param peer the peer's name
 * @param c the case
 * @param metrics each figure's spread over the measured runs, in report order
 * @param commandsPerStep the client commands per step of the probe, by command name
 * @param notes what the reader should know about the runs, e.g. fewer than planned
 * @param error why the case failed, if it did
 */
record CaseResult(String peer, Case c, Map<Metric, Stat> metrics, Map<String, Double> commandsPerStep,
    List<String> notes, Optional<String> error) {

  static CaseResult of(String peer, Case c, Peer.Runs all) {
    List<MeasuredRun> runs = all.measured();
    Optional<MeasuredRun> probe = all.probe();
    Map<Metric, List<Double>> values = new LinkedHashMap<>();
    for (MeasuredRun run : runs) {
      RunMetrics.of(c, run).forEach((metric, value) -> values.computeIfAbsent(metric, k -> new ArrayList<>()).add(value));
    }
    Map<String, Double> perStep = new TreeMap<>();
    probe.ifPresent(p -> p.redis().clientCommands().forEach((command, count) ->
        perStep.put(command, (double) count / p.raw().steps())));
    Map<Metric, Stat> metrics = new LinkedHashMap<>();
    values.forEach((metric, list) -> metrics.put(metric, Stat.of(list)));
    if (!perStep.isEmpty()) {
      double total = perStep.values().stream().mapToDouble(Double::doubleValue).sum();
      metrics.put(Metric.ROUND_TRIPS_PER_STEP, Stat.of(List.of(total)));
    }
    return new CaseResult(peer, c, metrics, perStep, all.notes(), Optional.empty());
  }

  static CaseResult failed(String peer, Case c, String error) {
    return new CaseResult(peer, c, Map.of(), Map.of(), List.of(), Optional.of(error));
  }

  Optional<Stat> stat(Metric metric) {
    return Optional.ofNullable(metrics.get(metric));
  }
}
