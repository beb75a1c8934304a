package io.brokkr.runtime;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A place in the order of {@link Brokkr#findSagas}: last change, newest first, then saga id from
 * the greatest. A page starts after its cursor; its text form is {@link SagaPage#nextCursor()}.
 *
 * @param updatedAt the last change of the saga the previous page ended with, in milliseconds
 * @param sagaId that saga's id
 */
public record SagaCursor(Instant updatedAt, String sagaId) {

  /** The order of pages: newest change first, then the greatest id. */
  public static final Comparator<SagaSummary> ORDER = Comparator.comparing(SagaSummary::updatedAt)
      .thenComparing(SagaSummary::sagaId).reversed();

  /**
   * Checks that no component is null.
   *
   * @param updatedAt the last change of the saga the previous page ended with
   * @param sagaId that saga's id
   */
  public SagaCursor {
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(sagaId, "sagaId");
  }

  /**
   * {@return the cursor after {@code saga}}
   *
   * @param saga the last saga of a page
   */
  public static SagaCursor after(SagaSummary saga) {
    return new SagaCursor(saga.updatedAt(), saga.sagaId());
  }

  /**
   * Reads a cursor's text.
   *
   * @param text the cursor's text form, as {@link #toString()} writes it
   * @return the cursor
   * @throws IllegalArgumentException when {@code text} is not a cursor's text
   */
  public static SagaCursor parse(String text) {
    int colon = text.indexOf(':');
    try {
      if (colon > 0) {
        return new SagaCursor(Instant.ofEpochMilli(Long.parseLong(text.substring(0, colon))), text.substring(colon + 1));
      }
    } catch (NumberFormatException e) {
      // Worded below.
    }
    throw new IllegalArgumentException("\"" + text + "\" is not a cursor of findSagas (SagaPage.nextCursor())");
  }

  /**
   * {@return whether {@code saga} comes after this cursor in the order of pages}
   *
   * @param saga a saga as a list shows it
   */
  public boolean comesBefore(SagaSummary saga) {
    int byTime = saga.updatedAt().compareTo(updatedAt);
    return byTime < 0 || (byTime == 0 && saga.sagaId().compareTo(sagaId) < 0);
  }

  /** The text form: milliseconds, a colon, the saga id. */
  @Override
  public String toString() {
    return updatedAt.toEpochMilli() + ":" + sagaId;
  }
}
