package io.brokkr.runtime.internal;

import io.brokkr.runtime.SagaOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A saga's outcome future as the node keeps it; callers get futures derived from it ({@link
 * #newIncompleteFuture}: copies, {@code thenApply} stages and theirs). The node completes it on its
 * callback thread, never on its own threads, which may not run callbacks. A caller blocked in {@code
 * get} or {@code join} on a derived future need not wait for that thread to be woken first: the node
 * tells the outcome to the blocked callers ({@link #tell}) as it hands the completion to the callback
 * thread, and a caller it wakes completes the outcome itself, on its own thread, running there what
 * the callback thread would have run; the callback thread then finds it complete. One thread wake-up
 * fewer between a saga's settling and a caller waiting for it.
 */
final class OutcomeFuture extends CompletableFuture<SagaOutcome> {
  /** The outcome, or the {@link Throwable} the future fails with, once told; written under this. */
  private volatile @Nullable Object told;
  /** The callers blocked until it is told; null while there are none (most futures have none). */
  private @Nullable List<Thread> waiting;

  /** Tells the blocked callers the outcome; the first of them to wake completes the future. */
  void tell(SagaOutcome outcome) {
    told(outcome);
  }

  /** Tells the blocked callers the reason the future fails; the first of them to wake fails it. */
  void tellFailure(Throwable reason) {
    told(reason);
  }

  /** Completes the future as it was told; nothing when it was not. */
  void completeAsTold() {
    Object result = told;
    if (result instanceof Throwable reason) {
      super.completeExceptionally(reason);
    } else if (result != null) {
      super.complete((SagaOutcome) result);
    }
  }

  @Override
  public boolean complete(SagaOutcome outcome) {
    told(outcome);
    return super.complete(outcome);
  }

  @Override
  public boolean completeExceptionally(Throwable reason) {
    told(reason);
    return super.completeExceptionally(reason);
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    told(new CancellationException());
    return super.cancel(mayInterruptIfRunning);
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new Derived<>(this);
  }

  private void told(Object result) {
    List<Thread> blocked;
    synchronized (this) {
      if (told != null) {
        return;
      }
      told = result;
      blocked = waiting;
      waiting = null;
    }
    if (blocked != null) {
      blocked.forEach(OutcomeFuture::wake);
    }
  }

  /**
   * Blocks until the outcome is told, {@code caller} (the future a caller waits for) completes
   * otherwise (cancelled, timed out, completed by another future it depends on), {@code nanos} from
   * {@code start} passed (when {@code timed}) or, when {@code interruptible}, the thread is
   * interrupted; completes the outcome if it was told.
   *
   * @return whether the thread was interrupted meanwhile (its interrupt status is cleared)
   */
  private boolean await(Derived<?> caller, boolean timed, long start, long nanos, boolean interruptible) {
    Thread me = Thread.currentThread();
    synchronized (this) {
      if (told == null) {
        if (waiting == null) {
          waiting = new ArrayList<>(2);
        }
        waiting.add(me);
      }
    }
    if (told == null) {
      caller.watch();
    }
    boolean interrupted = false;
    try {
      while (told == null && !caller.isDone()) {
        if (!timed) {
          LockSupport.park(this);
        } else {
          long left = nanos - (System.nanoTime() - start); // a difference: no overflow for a huge timeout
          if (left <= 0) {
            break;
          }
          LockSupport.parkNanos(this, left);
        }
        if (Thread.interrupted()) {
          interrupted = true;
          if (interruptible) {
            break;
          }
        }
      }
    } finally {
      synchronized (this) {
        if (waiting != null) {
          waiting.remove(me);
        }
      }
    }
    completeAsTold();
    return interrupted;
  }

  /** Wakes every blocked caller, to look again at the future it waits for: one completed otherwise. */
  private void wakeAll() {
    List<Thread> blocked;
    synchronized (this) {
      blocked = waiting == null ? List.of() : List.copyOf(waiting);
    }
    blocked.forEach(OutcomeFuture::wake);
  }

  /**
   * Unparks a blocked caller, unless it is the thread that runs this: that one is not parked, and
   * would return at once from its next park.
   */
  private static void wake(Thread caller) {
    if (caller != Thread.currentThread()) {
      LockSupport.unpark(caller);
    }
  }

  /** A future derived from an outcome: its blocked callers wait for the outcome to be told. */
  private static final class Derived<T> extends CompletableFuture<T> {
    private final OutcomeFuture outcome;
    /** Whether its completion wakes the blocked callers; set by the first that blocks on it. */
    private volatile boolean watched;

    Derived(OutcomeFuture outcome) {
      this.outcome = outcome;
    }

    /**
     * Has its completion wake the blocked callers, once: a caller that gets with a timeout again and
     * again adds nothing more to it (two racing first callers may add one each).
     */
    void watch() {
      if (!watched) {
        watched = true;
        whenComplete((result, failure) -> outcome.wakeAll());
      }
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      if (!isDone() && outcome.await(this, false, 0, 0, true)) {
        throw new InterruptedException();
      }
      return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      if (isDone()) {
        return super.get(timeout, unit);
      }
      long start = System.nanoTime();
      long nanos = unit.toNanos(timeout);
      if (outcome.await(this, true, start, nanos, true)) {
        throw new InterruptedException();
      }
      // Done now, unless it waits for more than the outcome (an async stage, another future).
      return super.get(Math.max(0, nanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
    }

    @Override
    public T join() {
      if (!isDone() && outcome.await(this, false, 0, 0, false)) {
        Thread.currentThread().interrupt(); // join() keeps waiting when interrupted, and keeps the status
      }
      return super.join();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new Derived<>(outcome);
    }
  }
}
