package io.brokkr.runtime.internal.memory;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A saga's steps in the order they were added, found by id; guarded by its saga's lock. An array
 * searched in turn while the saga is small, with a map beside it past {@link #SCANNED} steps: a
 * settled saga stays for its retention, and a map of a few steps was a tenth of its memory.
 */
final class StepTable extends AbstractList<MemoryStep> {
  /** Up to this many steps a lookup compares ids in turn (ids are mostly the very strings asked for). */
  static final int SCANNED = 8;

  private MemoryStep[] steps = new MemoryStep[4];
  private int size;
  private @Nullable Map<String, MemoryStep> byId;

  /** Adds a step whose id is new to the saga. */
  @Override
  public boolean add(MemoryStep step) {
    if (size == steps.length) {
      steps = Arrays.copyOf(steps, 2 * size);
    }
    steps[size++] = step;
    if (byId != null) {
      byId.put(step.id(), step);
    } else if (size > SCANNED) {
      byId = new HashMap<>();
      for (int i = 0; i < size; i++) {
        byId.put(steps[i].id(), steps[i]);
      }
    }
    return true;
  }

  /** {@return the step {@code stepId}, or null when the saga has none of that id} */
  @Nullable MemoryStep find(String stepId) {
    if (byId != null) {
      return byId.get(stepId);
    }
    for (int i = 0; i < size; i++) {
      if (steps[i].id().equals(stepId)) {
        return steps[i];
      }
    }
    return null;
  }

  @Override
  public MemoryStep get(int index) {
    return steps[Objects.checkIndex(index, size)];
  }

  @Override
  public int size() {
    return size;
  }
}
