package io.brokkr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time this JVM has used, all threads (GC and JIT included). On Linux it sums the
 * nanosecond counters of {@code /proc/self/task/N/schedstat}, since the management bean counts in
 * 10 ms clock ticks, too coarse for a short run; elsewhere it falls back to that bean.
 */
final class ProcessCpu {
  private static final Path TASKS = Path.of("/proc/self/task");
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ProcessCpu() {}

  static long micros() {
    if (Files.isDirectory(TASKS)) {
      try (Stream<Path> tasks = Files.list(TASKS)) {
        return tasks.mapToLong(ProcessCpu::taskNanos).sum() / 1000;
      } catch (IOException | RuntimeException e) {
        // Fall back to the bean below.
      }
    }
    return OS.getProcessCpuTime() / 1000;
  }

  /** A thread's time on CPU; 0 for one that ended while being read. */
  private static long taskNanos(Path task) {
    try {
      String schedstat = Files.readString(task.resolve("schedstat"));
      return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
    } catch (IOException e) {
      return 0;
    }
  }
}
