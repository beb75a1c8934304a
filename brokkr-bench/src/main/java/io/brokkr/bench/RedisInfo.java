package io.brokkr.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code INFO} says at one moment: calls per command (commands run by Lua scripts included),
 * the server's CPU time and its memory.
 *
 * @param calls calls per command name, from {@code INFO commandstats}
 * @param cpuSeconds {@code used_cpu_user + used_cpu_sys}
 * @param usedMemory {@code used_memory}
 */
record RedisInfo(Map<String, Long> calls, double cpuSeconds, long usedMemory) {

  /** What changed between two snapshots of one server. */
  record Delta(long commands, double cpuSeconds, long memoryBytes) {}

  static RedisInfo of(RedisConnection redis) throws IOException {
    return parse(Objects.toString(redis.call("INFO", "commandstats", "cpu", "memory")));
  }

  static RedisInfo parse(String text) {
    Map<String, Long> calls = new HashMap<>();
    Map<String, String> fields = new HashMap<>();
    for (String line : text.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (line.startsWith("#") || colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1);
      if (key.startsWith("cmdstat_")) {
        // cmdstat_evalsha:calls=12,usec=80,...
        String first = value.split(",")[0];
        calls.put(key.substring("cmdstat_".length()), Long.parseLong(first.substring(first.indexOf('=') + 1)));
      } else {
        fields.put(key, value);
      }
    }
    double cpu = Double.parseDouble(fields.getOrDefault("used_cpu_user", "0"))
        + Double.parseDouble(fields.getOrDefault("used_cpu_sys", "0"));
    return new RedisInfo(Map.copyOf(calls), cpu, Long.parseLong(fields.getOrDefault("used_memory", "0")));
  }

  /** The change since {@code before}, leaving out the bench's own INFO calls. */
  Delta since(RedisInfo before) {
    long commands = 0;
    for (Map.Entry<String, Long> entry : calls.entrySet()) {
      if (!entry.getKey().equals("info")) {
        commands += entry.getValue() - before.calls.getOrDefault(entry.getKey(), 0L);
      }
    }
    return new Delta(commands, cpuSeconds - before.cpuSeconds, usedMemory - before.usedMemory);
  }
}
