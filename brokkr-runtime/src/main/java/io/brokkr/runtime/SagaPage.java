package io.brokkr.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of {@link Brokkr#findSagas}: sagas by last change, newest first.
 *
 * @param sagas the sagas of this page, at most the query's limit
 * @param nextCursor where the next page starts ({@link SagaQuery#after}); empty on the last page
 */
public record SagaPage(List<SagaSummary> sagas, Optional<String> nextCursor) {

  /**
   * Copies the list.
   *
   * @param sagas the sagas of this page; empty when none match
   * @param nextCursor where the next page starts; empty on the last page
   */
  public SagaPage {
    sagas = List.copyOf(sagas);
    Objects.requireNonNull(nextCursor, "nextCursor");
  }
}
