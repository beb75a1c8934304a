package io.brokkr.runtime.internal;

import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The MDC of a running attempt: its saga, step, worker and attempt number, set while its body (or
 * compensator) runs and while its end is reported and logged. Closing it gives back what the
 * thread's MDC held before, so a pooled thread, or the caller's own thread, keeps nothing of it.
 */
final class AttemptMdc implements AutoCloseable {
  static final String SAGA_ID = "brokkr.sagaId";
  static final String STEP_ID = "brokkr.stepId";
  static final String WORKER = "brokkr.worker";
  static final String ATTEMPT = "brokkr.attempt";

  /** The keys, in the order their values are given; every attempt sets them all. */
  private static final String[] KEYS = {SAGA_ID, STEP_ID, WORKER, ATTEMPT};

  /** Attempt numbers as text, made once: most attempts are the first or one of the next few. */
  private static final String[] FEW_ATTEMPTS = IntStream.range(0, 10).mapToObj(Integer::toString).toArray(String[]::new);
  /** The closer of every attempt whose thread's MDC held none of the keys before (a pooled thread's): one for all. */
  private static final AttemptMdc NOTHING_BEFORE = new AttemptMdc(null);

  /** What the thread's MDC held under each key before, by the index of the key; null when it held none. */
  private final @Nullable String @Nullable [] previous;

  private AttemptMdc(@Nullable String @Nullable [] previous) {
    this.previous = previous;
  }

  /** Puts {@code attempt}'s keys into the calling thread's MDC until closed. */
  static AttemptMdc of(Attempt attempt) {
    int number = attempt.number();
    String[] values = {attempt.ref().sagaId(), attempt.ref().stepId(), attempt.worker.name(),
        number >= 0 && number < FEW_ATTEMPTS.length ? FEW_ATTEMPTS[number] : Integer.toString(number)};
    @Nullable String[] previous = null;
    for (int i = 0; i < KEYS.length; i++) {
      String before = MDC.get(KEYS[i]);
      if (before != null) {
        if (previous == null) {
          previous = new String[KEYS.length];
        }
        previous[i] = before;
      }
      MDC.put(KEYS[i], values[i]);
    }
    return previous == null ? NOTHING_BEFORE : new AttemptMdc(previous);
  }

  @Override
  public void close() {
    for (int i = 0; i < KEYS.length; i++) {
      if (previous == null || previous[i] == null) {
        MDC.remove(KEYS[i]);
      } else {
        MDC.put(KEYS[i], previous[i]);
      }
    }
  }
}
