package io.brokkr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time this JVM has used, all threads (GC and JIT included). On Linux it sums the
 * nanosecond counters of {@code /proc/self/task/N/schedstat}, since the management bean counts in
 * 10 ms clock ticks, too coarse for a short run; elsewhere it falls back to that bean.
 *
 * <p>A thread that has ended is no longer listed, so its time is kept as last read: without it, a
 * run during which an earlier run's threads end (a Temporal server shutting down, an idle pool
 * thread retiring) would subtract their whole lives from its own CPU. What such a thread ran after
 * that last reading is lost; threads that end have mostly been idle.
 */
final class ProcessCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  /** Each live thread's time when last read, by thread id. */
  private static final Map<String, Long> LAST_SEEN = new HashMap<>();
  /** The time of threads that have ended since the first reading. */
  private static long ended;

  private ProcessCpu() {}

  static synchronized long micros() {
    if (Files.isDirectory(TASKS)) {
      Map<String, Long> now = new HashMap<>();
      try (Stream<Path> tasks = Files.list(TASKS)) {
        tasks.forEach(task -> {
          long nanos = taskNanos(task);
          if (nanos >= 0) {
            now.put(task.getFileName().toString(), nanos);
          }
        });
      } catch (IOException | RuntimeException e) {
        return OS.getProcessCpuTime() / 1000;
      }
      LAST_SEEN.forEach((task, nanos) -> {
        // Gone, or its id taken by a new thread that has run less.
        if (now.getOrDefault(task, -1L) < nanos) {
          ended += nanos;
        }
      });
      LAST_SEEN.clear();
      LAST_SEEN.putAll(now);
      return (ended + now.values().stream().mapToLong(Long::longValue).sum()) / 1000;
    }
    return OS.getProcessCpuTime() / 1000;
  }

  /** A thread's time on CPU; -1 for one that ended while being read. */
  private static long taskNanos(Path task) {
    try {
      String schedstat = Files.readString(task.resolve("schedstat"));
      return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
