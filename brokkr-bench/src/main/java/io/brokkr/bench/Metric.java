package io.brokkr.bench;

/**
 * A figure of the report.
 *
 * @param key its name in the JSON report
 * @param label its name in the table
 * @param unit what it counts
 * @param higherIsBetter which way is better, for the ratio of two peers
 */
record Metric(String key, String label, String unit, boolean higherIsBetter) {
  static final Metric SAGAS_PER_S = new Metric("sagas_per_s", "sagas/s", "1/s", true);
  static final Metric STEPS_PER_S = new Metric("steps_per_s", "steps/s", "1/s", true);
  static final Metric P50 = new Metric("latency_p50_ms", "latency p50", "ms", false);
  static final Metric P99 = new Metric("latency_p99_ms", "latency p99", "ms", false);
  static final Metric US_PER_STEP = new Metric("us_per_step", "time per step", "µs", false);
  static final Metric SUBMIT_US_PER_STEP = new Metric("submit_us_per_step", "  of which creating and starting", "µs", false);
  static final Metric REDIS_COMMANDS_PER_STEP =
      new Metric("redis_commands_per_step", "Redis commands/step (incl. in Lua)", "commands", false);
  static final Metric ROUND_TRIPS_PER_STEP =
      new Metric("round_trips_per_step", "client commands/step (probe)", "commands", false);
  static final Metric REDIS_CPU_US_PER_SAGA = new Metric("redis_cpu_us_per_saga", "Redis CPU/saga", "µs", false);
  static final Metric REDIS_CPU_US_PER_STEP = new Metric("redis_cpu_us_per_step", "Redis CPU/step", "µs", false);
  static final Metric CLIENT_CPU_US_PER_SAGA = new Metric("client_cpu_us_per_saga", "client CPU/saga", "µs", false);
  static final Metric CLIENT_CPU_US_PER_STEP = new Metric("client_cpu_us_per_step", "client CPU/step", "µs", false);
  static final Metric CLIENT_BYTES_PER_SAGA =
      new Metric("client_allocated_bytes_per_saga", "client allocation/saga", "bytes", false);
  static final Metric CLIENT_BYTES_PER_STEP =
      new Metric("client_allocated_bytes_per_step", "client allocation/step", "bytes", false);
  static final Metric REDIS_BYTES_PER_SAGA = new Metric("redis_bytes_per_saga", "Redis memory/settled saga", "bytes", false);

  /** The p50 time a chain's level adds: level {@code level} of {@code levels}, the last one being the outcome. */
  static Metric hop(int level, int levels) {
    return level < levels
        ? new Metric("level_" + level + "_p50_us", "  level " + level + " p50", "µs", false)
        : new Metric("outcome_p50_us", "  outcome after last step p50", "µs", false);
  }
}
