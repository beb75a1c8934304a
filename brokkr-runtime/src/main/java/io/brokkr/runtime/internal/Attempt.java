package io.brokkr.runtime.internal;

import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/** One attempt this node claimed: its lease token, its task and its timeout timer. */
final class Attempt {
  final Claim claim;
  final Worker worker;
  private final Runnable releaseThread;
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile boolean started;
  private volatile Optional<Future<?>> task = Optional.empty();
  private volatile Optional<Future<?>> timeout = Optional.empty();

  Attempt(Claim claim, Worker worker, Runnable releaseThread) {
    this.claim = claim;
    this.worker = worker;
    this.releaseThread = releaseThread;
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

  void running(Future<?> runningTask) {
    task = Optional.of(runningTask);
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

  /** Interrupts the body, if it still runs. */
  void interrupt() {
    task.ifPresent(t -> t.cancel(true));
  }

  void cancelTimeout() {
    timeout.ifPresent(t -> t.cancel(false));
  }

  /** Gives the thread's permit back, once. */
  void releaseThread() {
    if (released.compareAndSet(false, true)) {
      releaseThread.run();
    }
  }
}
