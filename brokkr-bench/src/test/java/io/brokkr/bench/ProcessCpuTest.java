package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brokkr.bench.ProcessCpu.Kind;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void tellsTheJitsAndTheCollectorsThreadsFromTheProgramsByTheNamesLinuxKeeps() {
    assertEquals(Kind.COMPILER, Kind.of("C2 CompilerThre"));
    assertEquals(Kind.COMPILER, Kind.of("C1 CompilerThre"));
    assertEquals(Kind.COLLECTOR, Kind.of("GC Thread#0"));
    assertEquals(Kind.COLLECTOR, Kind.of("G1 Conc#0"));
    assertEquals(Kind.COLLECTOR, Kind.of("G1 Refine#0"));
    assertEquals(Kind.COLLECTOR, Kind.of("VM Thread"));
    assertEquals(Kind.PROGRAM, Kind.of("VM Periodic Tas"));
    assertEquals(Kind.PROGRAM, Kind.of("brokkr-attempt-"));
    assertEquals(Kind.PROGRAM, Kind.of("main"));
  }

  @Test
  void countsAProgramThreadsTimeAsTheProgramsAndKeepsTheParts() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "per-thread times are read on Linux only");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isCurrentThreadCpuTimeSupported());
    ProcessCpu.Split before = ProcessCpu.split();
    CountDownLatch worked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong ownNanos = new AtomicLong();
    AtomicLong sink = new AtomicLong();
    Thread busy = new Thread(() -> {
      long x = 1;
      for (int i = 0; i < 200_000_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      sink.set(x);
      ownNanos.set(threads.getCurrentThreadCpuTime());
      worked.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "busy-program");
    busy.start();
    worked.await();
    ProcessCpu.Split used = ProcessCpu.split().since(before);
    release.countDown();
    busy.join();

    assertTrue(used.programMicros() >= ownNanos.get() / 1000,
        "program " + used.programMicros() + " µs, the busy thread alone " + ownNanos.get() / 1000 + " µs");
    assertTrue(used.compilerMicros() >= 0 && used.collectorMicros() >= 0, used.toString());
    assertEquals(used.compilerMicros() + used.collectorMicros() + used.programMicros(), used.totalMicros());
    assertTrue(ProcessCpu.split().compilerMicros() > 0, "this JVM has compiled code: " + ProcessCpu.split());
  }
}
