package io.brokkr.runtime.internal;

import io.brokkr.dsl.Durations;
import io.brokkr.runtime.Worker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** One attempt this node claimed: its lease token, its task and its timeout timer. */
public final class Attempt {
  private static final VarHandle HOLDS_LEASE;
  private static final VarHandle RUNS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HOLDS_LEASE = lookup.findVarHandle(Attempt.class, "holdsLease", boolean.class);
      RUNS = lookup.findVarHandle(Attempt.class, "runs", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Claim claim;
  final Worker worker;
  /** The step's reference, made once: the attempt's log, report and timers each ask for it. */
  private final StepRef ref;
  private final Runnable releaseThread;
  private final AtomicBoolean released = new AtomicBoolean();
  private volatile boolean started;
  private volatile long startedAt;
  /** The node learnt that the attempt's lease expired: its report will be stale. */
  private volatile boolean lost;
  private final AtomicBoolean ended = new AtomicBoolean();
  /** Whether the node renews the attempt's lease ({@link Leases}); cleared once. */
  private volatile boolean holdsLease = true;
  /** Whether the attempt's body runs or is about to ({@link Leases}); cleared once. */
  private volatile boolean runs = true;
  /** The stripe of {@link HeldAttempts} this attempt is linked into, and its neighbours there; guarded by that stripe. */
  volatile HeldAttempts.@Nullable Stripe heldIn;
  @Nullable Attempt heldPrevious;
  @Nullable Attempt heldNext;
  private volatile Instant until;
  private volatile Optional<FutureTask<?>> task = Optional.empty();
  private volatile Optional<Future<?>> timeout = Optional.empty();
  private volatile Optional<Attempt> successor = Optional.empty();

  Attempt(Claim claim, Worker worker, Runnable releaseThread) {
    this.claim = claim;
    this.worker = worker;
    this.ref = claim.step().ref();
    this.releaseThread = releaseThread;
    this.until = claim.lease().until();
  }

  /** Why an attempt past its deadline failed; the stores word it the same (Lua: timed_out). */
  public static String timedOut(int attempt, Duration timeout) {
    return "attempt " + attempt + " timed out after " + Durations.format(timeout);
  }

  /** The lease was renewed until {@code until}. */
  void renewed(Instant until) {
    this.until = until;
  }

  /** When the attempt's lease, as last granted or renewed, ends, or its deadline passes, whichever is first. */
  Instant leaseDue() {
    return claim.lease().deadline().filter(d -> d.isBefore(until)).orElse(until);
  }

  StepRef ref() {
    return ref;
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
    startedAt = System.nanoTime();
    started = true;
  }

  /** {@return how long the body has run, in nanoseconds; zero when it never started} */
  long runningNanos() {
    return started ? System.nanoTime() - startedAt : 0;
  }

  /** The attempt's lease expired while it ran. */
  void lose() {
    lost = true;
  }

  boolean lost() {
    return lost;
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

  /** {@return whether the attempt ended: its body returned or it timed out} */
  boolean ended() {
    return ended.get();
  }

  /** Clears {@link #holdsLease}: true for the call that cleared it. */
  boolean dropLease() {
    return HOLDS_LEASE.compareAndSet(this, true, false);
  }

  /** Clears {@link #runs}: true for the call that cleared it. */
  boolean bodyReturned() {
    return RUNS.compareAndSet(this, true, false);
  }

  boolean holdsLease() {
    return holdsLease;
  }

  boolean runs() {
    return runs;
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

  /**
   * Takes this attempt's permit for what its thread runs next: true when the attempt still held it,
   * and then never gives it back itself; the caller passes it on ({@link #handOver}) or gives it
   * back ({@link #givePermitBack}). False when it was given back already (a timeout).
   */
  boolean takePermit() {
    return released.compareAndSet(false, true);
  }

  /** Gives back the permit that {@link #takePermit} took. */
  void givePermitBack() {
    releaseThread.run();
  }

  /** Gives the thread's permit back, once. */
  void releaseThread() {
    if (released.compareAndSet(false, true)) {
      releaseThread.run();
    }
  }
}
