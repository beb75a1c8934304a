package io.brokkr.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The scenarios of the benchmark, by the name the command line and the BullMQ peer use. */
enum Scenario {
  /** Many hammer sagas at once: sagas/s and steps/s. */
  HAMMER_THROUGHPUT("hammer-throughput", true),
  /** One hammer saga in flight at a time: start-to-outcome latency. */
  HAMMER_LATENCY("hammer-latency", false),
  /** One 10-step chain in flight at a time: latency, and the time each level adds. */
  CHAIN("chain", false),
  /** One step fanning out to K steps joined by one, one saga in flight. */
  FANOUT("fanout", false),
  /** One saga of S steps, as a chain and as a fan-out: cost per step as S grows. */
  SCALING("scaling", false);

  /** The graph of a scenario's sagas. */
  enum Shape {
    /** head and handle in parallel, joined by hammer. */
    HAMMER,
    /** s0 → s1 → … → s(n-1), each receiving its predecessor's result. */
    CHAIN,
    /** root → leaf-0 … leaf-(k-1) → join. */
    FANOUT;

    String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final String cliName;
  private final boolean allAtOnce;

  Scenario(String cliName, boolean allAtOnce) {
    this.cliName = cliName;
    this.allAtOnce = allAtOnce;
  }

  String cliName() {
    return cliName;
  }

  /** Whether its sagas are submitted all at once (throughput) rather than one in flight (latency). */
  boolean allAtOnce() {
    return allAtOnce;
  }

  static Scenario byName(String name) {
    return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown scenario \"" + name + "\"; the scenarios are "
            + Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", "))));
  }
}
