package io.brokkr.runtime.internal;

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

  /** What the thread's MDC held under each key before, by the index of the key; null for nothing. */
  private final @Nullable String[] previous = new String[KEYS.length];

  private AttemptMdc(String... values) {
    for (int i = 0; i < KEYS.length; i++) {
      previous[i] = MDC.get(KEYS[i]);
      MDC.put(KEYS[i], values[i]);
    }
  }

  /** Puts {@code attempt}'s keys into the calling thread's MDC until closed. */
  static AttemptMdc of(Attempt attempt) {
    return new AttemptMdc(attempt.ref().sagaId(), attempt.ref().stepId(), attempt.worker.name(),
        Integer.toString(attempt.number()));
  }

  @Override
  public void close() {
    for (int i = 0; i < KEYS.length; i++) {
      if (previous[i] == null) {
        MDC.remove(KEYS[i]);
      } else {
        MDC.put(KEYS[i], previous[i]);
      }
    }
  }
}
