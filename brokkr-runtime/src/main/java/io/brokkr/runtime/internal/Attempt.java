package io.brokkr.runtime.internal;

import io.brokkr.dsl.Durations;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/** One attempt this node claimed: its lease token, its task and its timeout timer. */
public final class Attempt {
  final Claim claim;
  final Worker worker;
  private final Runnable releaseThread;
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile boolean started;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile Optional<FutureTask<?>> task = Optional.empty();
  private volatile Optional<Future<?>> timeout = Optional.empty();
  private volatile Optional<Attempt> successor = Optional.empty();

  Attempt(Claim claim, Worker worker, Runnable releaseThread) {
    this.claim = claim;
    this.worker = worker;
    this.releaseThread = releaseThread;
  }

  /** Why an attempt past its deadline failed; the stores word it the same (Lua: timed_out). */
  public static String timedOut(int attempt, Duration timeout) {
    return "attempt " + attempt + " timed out after " + Durations.format(timeout);
  }

  StepRef ref() {
    return claim.step().ref();
  }

  long token() {
    return claim.lease().token();
  }

  Settler settler() {
    return Settler.attempt(token());
  }

  int number() {
    return claim.step().attempt();
  }

  void running(FutureTask<?> runningTask) {
    task = Optional.of(runningTask);
  }

  /** Runs the attempt's task on the calling thread. */
  void runTask() {
    task.ifPresent(FutureTask::run);
  }

  void timesOutWith(Future<?> timer) {
    timeout = Optional.of(timer);
  }

  void markStarted() {
    started = true;
  }

  boolean started() {
    return started;
  }

  /**
   * Ends the attempt, from its body's return or from its timeout, whichever comes first: true for
   * the first, which reports how the attempt ended and gives its permit back.
   */
  boolean end() {
    return ended.compareAndSet(false, true);
  }

  /** Interrupts the body, if it still runs. */
  void interrupt() {
    task.ifPresent(t -> t.cancel(true));
  }

  void cancelTimeout() {
    timeout.ifPresent(t -> t.cancel(false));
  }

  /**
   * The attempt of a step this attempt's completion claimed: it runs next on the same thread,
   * under this attempt's permit, which this attempt then never gives back itself.
   */
  Attempt handOver(Claim next, Worker nextWorker) {
    Attempt following = new Attempt(next, nextWorker, releaseThread);
    successor = Optional.of(following);
    return following;
  }

  Optional<Attempt> successor() {
    return successor;
  }

  /** Gives the thread's permit back, once. */
  void releaseThread() {
    if (released.compareAndSet(false, true)) {
      releaseThread.run();
    }
  }
}
