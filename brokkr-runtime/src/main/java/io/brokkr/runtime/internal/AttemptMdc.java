package io.brokkr.runtime.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

  private final Map<String, Optional<String>> previous = new LinkedHashMap<>();

  private AttemptMdc(Map<String, String> values) {
    values.forEach((key, value) -> {
      previous.put(key, Optional.ofNullable(MDC.get(key)));
      MDC.put(key, value);
    });
  }

  /** Puts {@code attempt}'s keys into the calling thread's MDC until closed. */
  static AttemptMdc of(Attempt attempt) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(SAGA_ID, attempt.ref().sagaId());
    values.put(STEP_ID, attempt.ref().stepId());
    values.put(WORKER, attempt.worker.name());
    values.put(ATTEMPT, Integer.toString(attempt.number()));
    return new AttemptMdc(values);
  }

  @Override
  public void close() {
    previous.forEach((key, value) -> value.ifPresentOrElse(v -> MDC.put(key, v), () -> MDC.remove(key)));
  }
}
