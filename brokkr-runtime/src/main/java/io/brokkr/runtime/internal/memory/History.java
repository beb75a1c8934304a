package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A saga's timeline, the newest {@link HistoryEntry#LIMIT} entries; guarded by its saga's lock. A
 * settled saga keeps its history for its retention, and every young collection copies the sagas
 * settled since the last: the entries are packed in two arrays (three numbers and three references
 * a line, in a ring once full), not an object each, and made {@link HistoryEntry}s when read.
 */
final class History {
  /** A line's numbers: its time in epoch milliseconds, its fencing token, its attempt, kind and statuses. */
  private static final int NUMBERS = 3;
  /** A line's references: its step, its node, and its reason or operator action. */
  private static final int REFERENCES = 3;
  /** Lines room is made for at first: the saga's creation; its start makes room for those it foresees. */
  private static final int FIRST_CAPACITY = 1;
  /** Lines room is made for when the foreseen are not enough (a retry, a compensation): then twice as many. */
  private static final int GROWN_CAPACITY = 16;
  private static final HistoryEntry.Kind[] KINDS = HistoryEntry.Kind.values();
  private static final SagaStatus[] SAGA_STATUSES = SagaStatus.values();
  private static final StepStatus[] STEP_STATUSES = StepStatus.values();

  private long[] numbers = new long[NUMBERS * FIRST_CAPACITY];
  private @Nullable Object[] references = new Object[REFERENCES * FIRST_CAPACITY];
  /** The slot of the oldest line, and how many lines there are. */
  private int first;
  private int size;

  /** A move of the saga (no step, saga statuses) or of a step; its node and token only where it holds a lease. */
  void move(Instant at, HistoryEntry.Kind kind, @Nullable String stepId, @Nullable Enum<?> from, Enum<?> to,
      @Nullable String nodeId, int attempt, long token, @Nullable String reason) {
    add(at, kind, from, to, attempt, token, stepId, nodeId, reason);
  }

  /** An operator's action. */
  void action(Instant at, OperatorAction action) {
    add(at, HistoryEntry.Kind.ACTION, null, null, 0, 0, action.stepId().orElse(null), null, action);
  }

  /**
   * The lines a saga of {@code steps} steps and {@code compensators} compensators records when it
   * runs without a retry: its creation, start and finish, three moves a step, a compensator skipped.
   */
  static int linesOfARun(int steps, int compensators) {
    return 3 + 3 * steps + compensators;
  }

  /**
   * Makes room for {@code lines} lines in all, as a start foresees them: a saga that runs as foreseen
   * fills its arrays exactly, so they are neither grown nor trimmed on the way.
   */
  void reserve(int lines) {
    int room = Math.min(HistoryEntry.LIMIT, lines);
    if (room > capacity()) {
      resize(room);
    }
  }

  /** Gives back the room made for lines not recorded: called as the saga settles, when few more come. */
  void trim() {
    if (size < capacity()) {
      resize(size);
    }
  }

  List<HistoryEntry> entries() {
    List<HistoryEntry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      entries.add(entry((first + i) % capacity()));
    }
    return List.copyOf(entries);
  }

  private void add(Instant at, HistoryEntry.Kind kind, @Nullable Enum<?> from, @Nullable Enum<?> to, int attempt,
      long token, @Nullable String stepId, @Nullable String nodeId, @Nullable Object note) {
    int slot;
    if (size == HistoryEntry.LIMIT) {
      slot = first; // the oldest line makes room
      first = (first + 1) % capacity();
    } else {
      if (size == capacity()) {
        resize(Math.min(HistoryEntry.LIMIT, Math.max(GROWN_CAPACITY, 2 * size)));
      }
      slot = (first + size) % capacity();
      size++;
    }
    numbers[NUMBERS * slot] = at.toEpochMilli();
    numbers[NUMBERS * slot + 1] = token;
    numbers[NUMBERS * slot + 2] = ((long) attempt << 32) | (kind.ordinal() << 16) | (code(from) << 8) | code(to);
    references[REFERENCES * slot] = stepId;
    references[REFERENCES * slot + 1] = nodeId;
    references[REFERENCES * slot + 2] = note;
  }

  private HistoryEntry entry(int slot) {
    long packed = numbers[NUMBERS * slot + 2];
    HistoryEntry.Kind kind = KINDS[(int) (packed >>> 16) & 0xff];
    @Nullable Object note = references[REFERENCES * slot + 2];
    return new HistoryEntry(Instant.ofEpochMilli(numbers[NUMBERS * slot]), kind,
        Optional.ofNullable((String) references[REFERENCES * slot]), status(kind, (int) (packed >>> 8) & 0xff),
        status(kind, (int) packed & 0xff), Optional.ofNullable((String) references[REFERENCES * slot + 1]),
        (int) (packed >>> 32), numbers[NUMBERS * slot + 1],
        note instanceof String reason ? Optional.of(reason) : Optional.empty(),
        note instanceof OperatorAction action ? Optional.of(action) : Optional.empty());
  }

  /** A status as a line keeps it: 0 for none, else its ordinal plus one. */
  private static int code(@Nullable Enum<?> status) {
    return status == null ? 0 : status.ordinal() + 1;
  }

  /** The name of the status of {@code code}: a step's for a step's move, else the saga's. */
  private static Optional<String> status(HistoryEntry.Kind kind, int code) {
    if (code == 0) {
      return Optional.empty();
    }
    return Optional.of(kind == HistoryEntry.Kind.STEP_MOVED ? STEP_STATUSES[code - 1].name()
        : SAGA_STATUSES[code - 1].name());
  }

  private int capacity() {
    return numbers.length / NUMBERS;
  }

  /** Moves the lines, oldest first, to arrays of room for {@code lines}. */
  private void resize(int lines) {
    long[] movedNumbers = new long[NUMBERS * lines];
    @Nullable Object[] movedReferences = new Object[REFERENCES * lines];
    for (int i = 0; i < size; i++) {
      int slot = (first + i) % capacity();
      System.arraycopy(numbers, NUMBERS * slot, movedNumbers, NUMBERS * i, NUMBERS);
      System.arraycopy(references, REFERENCES * slot, movedReferences, REFERENCES * i, REFERENCES);
    }
    numbers = movedNumbers;
    references = movedReferences;
    first = 0;
  }
}
