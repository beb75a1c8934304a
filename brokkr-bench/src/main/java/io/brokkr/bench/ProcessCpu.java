package io.brokkr.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
  /** Each live thread's time when last read and what kind of thread it is, by thread id. */
  private static final Map<String, Seen> LAST_SEEN = new HashMap<>();
  /** The time of threads that have ended since the first reading, by kind. */
  private static final long[] ENDED = new long[Kind.values().length];

  private ProcessCpu() {}

  /** What a thread of the JVM works for. */
  enum Kind {
    /** The JIT's compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread0}). */
    COMPILER,
    /**
     * The garbage collector's threads ({@code GC Thread#0}, {@code G1 Conc#0}, ...) and the VM thread,
     * which stops the others for a collection.
     */
    COLLECTOR,
    /** Everything else: the program's own threads and its libraries'. */
    PROGRAM;

    /** The kind of a thread by its name as Linux keeps it (the first 15 characters). */
    static Kind of(String threadName) {
      if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
        return COMPILER;
      }
      if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
        return COLLECTOR;
      }
      return PROGRAM;
    }
  }

  /**
   * CPU time in microseconds by {@link Kind}: a program's own cost apart from what its JVM spends
   * compiling it and collecting its garbage, which a short run on a fresh JVM pays in full.
   */
  record Split(long compilerMicros, long collectorMicros, long programMicros) {
    long totalMicros() {
      return compilerMicros + collectorMicros + programMicros;
    }

    /** The time used since {@code earlier}. */
    Split since(Split earlier) {
      return new Split(compilerMicros - earlier.compilerMicros, collectorMicros - earlier.collectorMicros,
          programMicros - earlier.programMicros);
    }
  }

  private record Seen(long nanos, Kind kind) {}

  static long micros() {
    return split().totalMicros();
  }

  /**
   * This JVM's CPU time so far, by kind of thread; where the threads cannot be read, all of it
   * counts as {@link Kind#PROGRAM}.
   */
  static synchronized Split split() {
    if (!Files.isDirectory(TASKS)) {
      return new Split(0, 0, OS.getProcessCpuTime() / 1000);
    }
    Map<String, Seen> now = new HashMap<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      tasks.forEach(task -> read(task).ifPresent(seen -> now.put(task.getFileName().toString(), seen)));
    } catch (IOException | RuntimeException e) {
      return new Split(0, 0, OS.getProcessCpuTime() / 1000);
    }
    LAST_SEEN.forEach((task, seen) -> {
      Seen current = now.get(task);
      // Gone, or its id taken by a new thread that has run less.
      if (current == null || current.nanos() < seen.nanos()) {
        ENDED[seen.kind().ordinal()] += seen.nanos();
      }
    });
    LAST_SEEN.clear();
    LAST_SEEN.putAll(now);
    long[] byKind = ENDED.clone();
    now.values().forEach(seen -> byKind[seen.kind().ordinal()] += seen.nanos());
    return new Split(byKind[Kind.COMPILER.ordinal()] / 1000, byKind[Kind.COLLECTOR.ordinal()] / 1000,
        byKind[Kind.PROGRAM.ordinal()] / 1000);
  }

  /** A thread's time on CPU and its kind; empty for one that ended while being read. */
  private static Optional<Seen> read(Path task) {
    try {
      String schedstat = Files.readString(task.resolve("schedstat"));
      String name = Files.readString(task.resolve("comm")).strip();
      return Optional.of(new Seen(Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))), Kind.of(name)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
