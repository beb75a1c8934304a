package io.brokkr.bench;

import java.util.Locale;

/** Why a run is made: the bench measures only some runs, and watches the commands of probes. */
enum RunKind {
  /** Brings the JIT and the connections up to speed; not reported unless it alone used up the case's budget. */
  WARMUP,
  /**
   * A warm-up run taken in turn with the other peers just before the measured runs: it takes in what
   * the peers' warm-ups left behind (a fuller Redis, a process idle for minutes); not reported.
   */
  SETTLE,
  /** Timed, with the Redis server's counters read before and after. */
  MEASURED,
  /** Redis MONITOR counts the commands clients send; its times are not reported. */
  PROBE;

  String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static RunKind byName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
