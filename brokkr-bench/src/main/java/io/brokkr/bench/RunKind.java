package io.brokkr.bench;

import java.util.Locale;

/** Why a run is made: the bench measures only some runs, and watches the commands of probes. */
enum RunKind {
  /** Brings the JIT and the connections up to speed; not reported unless it alone used up the case's budget. */
  WARMUP,
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
