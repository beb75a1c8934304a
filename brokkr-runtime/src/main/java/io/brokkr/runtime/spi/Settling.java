package io.brokkr.runtime.spi;

import io.brokkr.runtime.SagaStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A saga that one transition settled, as the store tells the view whose call or sweep made that
 * transition ({@link Change#settling()}, {@link StoreListener#settledHere}): so that one node, and
 * only one, counts each settling.
 *
 * @param sagaId the saga
 * @param name its name; empty for none
 * @param status FINISHED, COMPENSATED or FAILED
 * @param createdAt when the saga was created, by the store's clock
 * @param outcome the saga's outcome as this transition left it, when the store can tell it with the
 *     transition (the node that waits for it then completes its future without reading the saga);
 *     empty otherwise
 */
public record Settling(String sagaId, Optional<String> name, SagaStatus status, Instant createdAt,
    Optional<StoreEvent.Settlement> outcome) {
  /**
   * Checks that no component is null and that the status is a settled one.
   *
   * @param sagaId the saga
   * @param name its name; empty for none
   * @param status FINISHED, COMPENSATED or FAILED
   * @param createdAt when the saga was created
   * @param outcome the saga's outcome, if the store tells it
   */
  public Settling {
    Objects.requireNonNull(sagaId, "sagaId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(outcome, "outcome");
    if (!status.isSettled()) {
      throw new IllegalArgumentException("a settling needs a settled status, got " + status);
    }
  }

  /**
   * A settling whose outcome the store does not tell.
   *
   * @param sagaId the saga
   * @param name its name; empty for none
   * @param status FINISHED, COMPENSATED or FAILED
   * @param createdAt when the saga was created
   */
  public Settling(String sagaId, Optional<String> name, SagaStatus status, Instant createdAt) {
    this(sagaId, name, status, createdAt, Optional.empty());
  }
}
