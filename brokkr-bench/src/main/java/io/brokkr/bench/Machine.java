package io.brokkr.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the figures were measured on, for the report: they mean little without it. */
final class Machine {
  private Machine() {}

  /** Cores, JVM, OS and load now, plus what the peers said about themselves. */
  static Map<String, String> describe(Map<String, String> peers) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    m.put("max heap", Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    m.put("load average at start", String.format(Locale.ROOT, "%.2f",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    m.putAll(peers);
    return m;
  }
}
