package io.brokkr.runtime.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Named daemon threads, so a node that is never closed does not keep the JVM alive. */
final class Threads {
  private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
  private static final long AWAIT_SECONDS = 10;

  private Threads() {}

  static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Waits for a pool that was shut down; a pool thread closing its own node does not wait for itself. */
  static void await(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(AWAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("threads of a Brokkr pool still run after " + AWAIT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
