package io.brokkr.runtime.internal;

import io.brokkr.runtime.SagaCursor;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaSummary;
import java.util.List;
import java.util.Optional;

/** Cuts pages of {@code findSagas}, the same way for every store. */
public final class Pages {
  private Pages() {}

  /**
   * The page of the first {@code limit} of {@code ordered} (the matches after the cursor, in the
   * order of pages): with a next cursor when more follow.
   */
  public static SagaPage of(List<SagaSummary> ordered, int limit) {
    if (ordered.size() <= limit) {
      return new SagaPage(ordered, Optional.empty());
    }
    List<SagaSummary> page = ordered.subList(0, limit);
    return new SagaPage(page, Optional.of(SagaCursor.after(page.get(limit - 1)).toString()));
  }
}
