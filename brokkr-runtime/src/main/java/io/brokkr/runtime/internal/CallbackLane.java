package io.brokkr.runtime.internal;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's callback threads, where the outcome futures it hands out complete: a caller's callback
 * never runs on a thread of the node, and may block, even on another saga's outcome. Completions
 * queue, and one thread at a time runs them in turn: a burst of outcomes costs one wake-up, where a
 * thread per completion (a cached pool hands each task to a thread of its own) cost a park and an
 * unpark per saga. A callback that blocks, or callbacks slower than outcomes come, hold up the
 * completions queued behind them for about a {@code stall} or two: when completions have waited
 * that long without the lane's thread once finding its queue empty, another thread runs them (and
 * one more each {@code stall} while they still wait).
 */
final class CallbackLane implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(CallbackLane.class);

  private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
  /** Completions handed in and not yet seen by the lane's thread: the first one starts it. */
  private final AtomicInteger wakeUps = new AtomicInteger();
  private final ExecutorService threads;
  private final Timers watch;
  private final Duration stall;
  /** Whether a check of the lane's progress is due. */
  private final AtomicBoolean watched = new AtomicBoolean();
  /** How many times the lane's thread found its queue empty; only that thread writes it. */
  private volatile long emptied;
  private volatile boolean shutdown;

  /**
   * @param threadNames the prefix of the lane's thread names
   * @param watch the timers that check the lane's progress
   * @param stall how long completions may wait without the lane's thread catching up before another thread helps
   */
  CallbackLane(String threadNames, Timers watch, Duration stall) {
    this.threads = Executors.newCachedThreadPool(Threads.daemon(threadNames));
    this.watch = watch;
    this.stall = stall;
  }

  /** Runs {@code completion} on a callback thread; rejects it once the lane is shut down. */
  @Override
  public void execute(Runnable completion) {
    if (shutdown) {
      throw new RejectedExecutionException("the callback threads of this Brokkr node are shut down");
    }
    queue.add(completion);
    if (wakeUps.getAndIncrement() != 0) {
      watch(); // the lane's thread runs it after those before it, unless one of them blocks
      return;
    }
    try {
      threads.execute(this::drain);
    } catch (RejectedExecutionException shutDown) {
      drain(); // the node closed meanwhile: completed here, as a rejected completion would be
    }
  }

  /** Takes no more completions; those queued still run. */
  void shutdown() {
    shutdown = true;
    threads.shutdown();
  }

  private void drain() {
    int missed = 1;
    do {
      runQueued();
      emptied++; // the only writer
      missed = wakeUps.addAndGet(-missed);
    } while (missed != 0);
  }

  /** Checks after a stall whether the lane's thread caught up; one check at a time. */
  private void watch() {
    if (!watched.compareAndSet(false, true)) {
      return;
    }
    long seen = emptied;
    if (!watch.after(stall, () -> check(seen))) {
      watched.set(false);
      help(); // no timer any more (the node closes): another thread runs what waits, at once
    }
  }

  private void check(long seen) {
    watched.set(false);
    if (queue.isEmpty()) {
      return;
    }
    if (emptied == seen) {
      help(); // behind since the check was set: a completion blocks, or they come faster than they run
    }
    watch(); // completions still wait
  }

  /** Another thread runs the completions that wait, while the lane's thread is held up or behind. */
  private void help() {
    try {
      threads.execute(this::runQueued);
    } catch (RejectedExecutionException shutDown) {
      // The lane's thread runs them once the completion holding it returns.
    }
  }

  /** Runs queued completions until the queue is empty. */
  private void runQueued() {
    Runnable completion;
    while ((completion = queue.poll()) != null) {
      run(completion);
    }
  }

  private static void run(Runnable completion) {
    try {
      completion.run();
    } catch (RuntimeException e) {
      LOG.warn("a completion on a callback thread of this Brokkr node failed", e);
    }
  }
}
