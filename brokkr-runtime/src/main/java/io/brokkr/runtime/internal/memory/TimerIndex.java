package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.StepRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The due times of a namespace's timers (a lease's end, a backoff's end), one per step, ordered so
 * that a sweep takes the due ones without looking at the others. An entry is a hint: the sweep
 * checks the step before it acts, so a stale entry costs one look.
 */
final class TimerIndex {
  private record Entry(Instant due, StepRef step) {}

  private final NavigableSet<Entry> byDue = new TreeSet<>(Comparator.comparing(Entry::due)
      .thenComparing(e -> e.step().sagaId())
      .thenComparing(e -> e.step().stepId()));
  private final Map<StepRef, Instant> dueOf = new HashMap<>();

  /** Sets the timer of {@code step} to {@code due}, replacing the one it had. */
  synchronized void arm(StepRef step, Instant due) {
    Instant old = dueOf.put(step, due);
    if (old != null) {
      byDue.remove(new Entry(old, step));
    }
    byDue.add(new Entry(due, step));
  }

  /** Removes the timer of {@code step}, if it has one. */
  synchronized void disarm(StepRef step) {
    Instant old = dueOf.remove(step);
    if (old != null) {
      byDue.remove(new Entry(old, step));
    }
  }

  /** Removes and returns the timers due at {@code now}, earliest first. */
  synchronized List<StepRef> takeDue(Instant now) {
    List<StepRef> due = new ArrayList<>();
    while (!byDue.isEmpty() && !byDue.first().due().isAfter(now)) {
      Entry entry = byDue.pollFirst();
      dueOf.remove(entry.step());
      due.add(entry.step());
    }
    return due;
  }
}
