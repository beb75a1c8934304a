package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StepRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The due times of a namespace's timers (a lease's end, a backoff's end), one per step, so that a
 * sweep takes the due ones without looking at the others. An entry is a hint: the sweep checks the
 * step before it acts, so a stale entry costs one look.
 *
 * <p>Every claim arms a timer and every finish disarms it, so both are cheap: a step holds its armed
 * timer ({@link MemoryStep#timer}), a node linked into a bucket of timers due in the same
 * {@value #BUCKET_MILLIS} ms; arming links a node, disarming unlinks it, with no lookup, hashing or
 * comparison (a sorted set and a map by step cost 6 % of an in-memory hammer's CPU, twenty-ninth
 * round of issue 18). The sweep, a few times a second, takes the buckets that are due and sorts
 * what it took. Arm and disarm run under the step's saga's lock.
 *
 * <p>The buckets are split in stripes, each behind its own lock: with one lock, threads queued
 * behind a holder the scheduler had paused (on 2 cores, for milliseconds at a time). A timer goes
 * to a stripe at random and remembers it.
 */
final class TimerIndex {
  private static final int STRIPES = 64;
  /** The span of due times one bucket holds, a power of two (the sweep runs every 100 ms). */
  static final int BUCKET_MILLIS = 128;
  private static final int BUCKET_SHIFT = Integer.numberOfTrailingZeros(BUCKET_MILLIS);
  private static final Comparator<Timer> BY_DUE = Comparator.comparing((Timer t) -> t.due)
      .thenComparing(t -> t.step.sagaId())
      .thenComparing(t -> t.step.id());

  /** An armed timer of a step, linked into its bucket while armed; guarded by its stripe's lock. */
  static final class Timer {
    final Instant due;
    final MemoryStep step;
    private final Stripe stripe;
    private @Nullable Bucket bucket;
    private @Nullable Timer previous;
    private @Nullable Timer next;

    private Timer(Instant due, MemoryStep step, Stripe stripe) {
      this.due = due;
      this.step = step;
      this.stripe = stripe;
    }
  }

  private final Stripe[] stripes = new Stripe[STRIPES];

  TimerIndex() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /** Sets the timer of {@code step} to {@code due}, replacing the one it had. */
  void arm(MemoryStep step, Instant due) {
    disarm(step);
    Timer timer = new Timer(due, step, stripes[ThreadLocalRandom.current().nextInt(STRIPES)]);
    timer.stripe.link(timer);
    step.timer = timer;
  }

  /** Removes the timer of {@code step}, if it has one. */
  void disarm(MemoryStep step) {
    Timer timer = step.timer;
    if (timer != null) {
      step.timer = null;
      timer.stripe.unlink(timer);
    }
  }

  /** Removes and returns the timers due at {@code now}, earliest first (then by saga and step id). */
  List<StepRef> takeDue(Instant now) {
    List<Timer> due = new ArrayList<>();
    for (Stripe stripe : stripes) {
      stripe.takeDue(now, due);
    }
    due.sort(BY_DUE);
    List<StepRef> steps = new ArrayList<>(due.size());
    for (Timer timer : due) {
      steps.add(timer.step.ref());
    }
    return steps;
  }

  private static long bucketOf(Instant due) {
    return due.toEpochMilli() >> BUCKET_SHIFT;
  }

  /** The timers due in one span of time: a list linked through them. */
  private static final class Bucket {
    final long key;
    @Nullable Timer first;

    Bucket(long key) {
      this.key = key;
    }
  }

  /** Some timers' buckets by due time, behind their own lock. */
  private static final class Stripe {
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    /** The bucket armed last: a burst of claims arms timers due in the same span. */
    private @Nullable Bucket recent;

    synchronized void link(Timer timer) {
      long key = bucketOf(timer.due);
      Bucket bucket = recent;
      if (bucket == null || bucket.key != key) {
        bucket = buckets.computeIfAbsent(key, Bucket::new);
        recent = bucket;
      }
      timer.bucket = bucket;
      timer.next = bucket.first;
      if (bucket.first != null) {
        bucket.first.previous = timer;
      }
      bucket.first = timer;
    }

    /** Unlinks the timer unless a sweep took it already; an emptied bucket stays until a sweep passes it. */
    synchronized void unlink(Timer timer) {
      Bucket bucket = timer.bucket;
      if (bucket == null) {
        return;
      }
      if (timer.previous != null) {
        timer.previous.next = timer.next;
      } else {
        bucket.first = timer.next;
      }
      if (timer.next != null) {
        timer.next.previous = timer.previous;
      }
      timer.bucket = null;
      timer.previous = null;
      timer.next = null;
    }

    synchronized void takeDue(Instant now, List<Timer> into) {
      long current = bucketOf(now);
      for (var iterator = buckets.headMap(current, true).entrySet().iterator(); iterator.hasNext(); ) {
        Map.Entry<Long, Bucket> entry = iterator.next();
        Bucket bucket = entry.getValue();
        for (Timer timer = bucket.first; timer != null; ) {
          Timer next = timer.next;
          if (!timer.due.isAfter(now)) {
            unlink(timer);
            into.add(timer);
          }
          timer = next;
        }
        if (bucket.first == null) {
          iterator.remove();
          if (recent == bucket) {
            recent = null;
          }
        }
      }
    }
  }
}
