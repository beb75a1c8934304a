package io.brokkr.bench;

import java.lang.management.ManagementFactory;

/**
 * The bytes of heap this JVM's threads have allocated since it started, ended threads included. Unlike
 * CPU time, a run's allocation a saga hardly moves with the host's speed or its other load, so it tells
 * apart two builds of the engine where their times spread too widely to.
 */
final class HeapAllocation {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private HeapAllocation() {}

  /** {@return the bytes allocated so far, or 0 when this JVM does not count them} */
  static long bytes() {
    if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
      return 0;
    }
    return THREADS.getTotalThreadAllocatedBytes();
  }
}
