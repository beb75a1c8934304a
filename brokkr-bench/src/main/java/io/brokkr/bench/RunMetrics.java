package io.brokkr.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one run of a case, the same for every peer. */
final class RunMetrics {
  private RunMetrics() {}

  static Map<Metric, Double> of(Case c, MeasuredRun run) {
    RawRun raw = run.raw();
    boolean perStep = c.scenario() == Scenario.SCALING;
    double seconds = raw.elapsedUs() / 1e6;
    Map<Metric, Double> m = new LinkedHashMap<>();
    if (c.scenario().allAtOnce()) {
      m.put(Metric.SAGAS_PER_S, raw.sagas() / seconds);
      m.put(Metric.STEPS_PER_S, raw.steps() / seconds);
    }
    if (raw.latenciesUs().length > 0 && !perStep) {
      m.put(Metric.P50, Stat.percentile(raw.latenciesUs(), 50) / 1000);
      m.put(Metric.P99, Stat.percentile(raw.latenciesUs(), 99) / 1000);
    }
    for (int level = 0; level < raw.hopsUs().size(); level++) {
      m.put(Metric.hop(level, raw.hopsUs().size() - 1), Stat.percentile(raw.hopsUs().get(level), 50));
    }
    if (c.scenario() == Scenario.FANOUT || perStep) {
      m.put(Metric.US_PER_STEP, (double) raw.elapsedUs() / raw.steps());
    }
    if (perStep && raw.submitUs() > 0) {
      m.put(Metric.SUBMIT_US_PER_STEP, (double) raw.submitUs() / raw.steps());
    }
    run.redis().delta().ifPresent(d -> {
      m.put(Metric.REDIS_COMMANDS_PER_STEP, (double) d.commands() / raw.steps());
      if (perStep) {
        m.put(Metric.REDIS_CPU_US_PER_STEP, d.cpuSeconds() * 1e6 / raw.steps());
      } else {
        m.put(Metric.REDIS_CPU_US_PER_SAGA, d.cpuSeconds() * 1e6 / raw.sagas());
      }
      m.put(Metric.REDIS_BYTES_PER_SAGA, (double) d.memoryBytes() / raw.sagas());
    });
    if (perStep) {
      m.put(Metric.CLIENT_CPU_US_PER_STEP, (double) raw.clientCpuUs() / raw.steps());
    } else {
      m.put(Metric.CLIENT_CPU_US_PER_SAGA, (double) raw.clientCpuUs() / raw.sagas());
    }
    if (raw.clientAllocatedBytes() > 0) {
      if (perStep) {
        m.put(Metric.CLIENT_BYTES_PER_STEP, (double) raw.clientAllocatedBytes() / raw.steps());
      } else {
        m.put(Metric.CLIENT_BYTES_PER_SAGA, (double) raw.clientAllocatedBytes() / raw.sagas());
      }
    }
    return m;
  }
}
