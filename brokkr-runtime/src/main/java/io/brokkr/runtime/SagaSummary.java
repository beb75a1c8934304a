package io.brokkr.runtime;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A saga as a list shows it ({@link Brokkr#findSagas}).
 *
 * @param sagaId the saga's id
 * @param name the name it was created with: a template's name, or the one given to
 *     {@link Brokkr#createSaga(String)}; empty for an unnamed dynamic saga
 * @param status where the saga is
 * @param createdAt when the store created it
 * @param updatedAt when it last changed: a step or the saga moved, or work became ready
 */
public record SagaSummary(String sagaId, Optional<String> name, SagaStatus status, Instant createdAt,
    Instant updatedAt) {

  /**
   * Checks that no component is null.
   *
   * @param sagaId the saga's id
   * @param name the name it was created with; empty for an unnamed dynamic saga
   * @param status where the saga is
   * @param createdAt when the store created it
   * @param updatedAt when it last changed
   */
  public SagaSummary {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
