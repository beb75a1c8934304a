package io.brokkr.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Counts the commands that clients send to Redis while it watches, by command name, through
 * {@code MONITOR}. Commands that Lua scripts run are left out: what is left is what crossed the
 * network, one round trip per command unless the client pipelined them. MONITOR slows Redis down,
 * so it only watches probe runs, never measured ones.
 */
final class CommandMonitor {
  private final RedisAddress address;
  private final RedisConnection connection;
  private final String marker = "brokkr-bench-probe-end-" + UUID.randomUUID();

  private CommandMonitor(RedisAddress address, RedisConnection connection) {
    this.address = address;
    this.connection = connection;
  }

  static CommandMonitor start(RedisAddress address) throws IOException {
    RedisConnection connection = RedisConnection.open(address);
    connection.send("MONITOR");
    if (!"OK".equals(connection.reply())) {
      throw new IOException("MONITOR was refused");
    }
    return new CommandMonitor(address, connection);
  }

  /**
   * Stops watching and returns the client commands seen. A marker sent last from another connection
   * tells when every command of the probe has been read.
   */
  Map<String, Long> stop() throws IOException {
    try (RedisConnection other = RedisConnection.open(address)) {
      other.call("ECHO", marker);
    }
    Map<String, Long> counts = new TreeMap<>();
    try (connection) {
      while (true) {
        String line = Objects.toString(connection.reply());
        if (line.contains(marker)) {
          return counts;
        }
        commandOf(line).ifPresent(name -> counts.merge(name, 1L, Long::sum));
      }
    }
  }

  /** {@code 1700000000.123 [0 127.0.0.1:5555] "evalsha" "..."}: the command, unless a script ran it. */
  static Optional<String> commandOf(String line) {
    int open = line.indexOf('[');
    int close = line.indexOf(']', open);
    if (open < 0 || close < 0 || line.substring(open, close).endsWith(" lua")) {
      return Optional.empty();
    }
    int quote = line.indexOf('"', close);
    int end = quote < 0 ? -1 : line.indexOf('"', quote + 1);
    return end < 0 ? Optional.empty()
        : Optional.of(line.substring(quote + 1, end).toLowerCase(Locale.ROOT));
  }
}
