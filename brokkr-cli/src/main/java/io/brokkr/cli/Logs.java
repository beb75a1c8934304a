package io.brokkr.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runtime logs through {@code java.util.logging}; a command line reports its own failures, so
 * the logs are off (Redisson's SLF4J logs go to slf4j-nop).
 */
final class Logs {
  private Logs() {}

  static void quiet() {
    Logger.getLogger("").setLevel(Level.OFF);
  }
}
