package io.brokkr.runtime.differential;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.StoreEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one call did on one store, as the test compares it: its reply, the events it published, then
 * every saga of the sequence as loaded and the unfinished sagas.
 *
 * @param reply the call's return value, or a {@link Thrown} for what it threw
 * @param events the events published by the call, in order
 * @param sagas each saga id the sequence may use, with its snapshot if it exists
 * @param unfinished {@code unfinishedSagas()} after the call
 * @param counts {@code countByStatus()} after the call
 * @param listings what some queries found after the call, by query
 */
record Observation(Object reply, List<StoreEvent> events, Map<String, Optional<SagaSnapshot>> sagas,
    List<String> unfinished, Map<SagaStatus, Long> counts, Map<String, List<String>> listings) {

  /**
   * An exception a call threw: compared by type, rejection (for a {@link
   * io.brokkr.runtime.spi.StoreRejectedException}) and message, never by stack.
   */
  record Thrown(String type, String rejection, String message) {}
}
