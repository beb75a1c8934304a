package io.brokkr.faults;

import java.util.List;

/** How the suite's redis-server persists, which decides what a Redis restart loses. */
public enum Persistence {
  /** {@code appendonly yes}, {@code appendfsync always}: a restart loses nothing acknowledged. */
  ALWAYS(List.of("--appendonly", "yes", "--appendfsync", "always")),
  /** {@code appendonly yes}, {@code appendfsync everysec}: a kill -9 may lose the last second. */
  EVERYSEC(List.of("--appendonly", "yes", "--appendfsync", "everysec")),
  /** Nothing persisted: a restart loses every saga (the checker then reports them lost). */
  NONE(List.of("--appendonly", "no"));

  private final List<String> args;

  Persistence(List<String> args) {
    this.args = args;
  }

  /** The redis-server arguments of this mode. */
  public List<String> args() {
    return args;
  }
}
