package io.brokkr.runtime;

import io.brokkr.runtime.spi.StoreLimits;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which sagas {@link Brokkr#findSagas} returns: every condition set must hold. Start from
 * {@link #all()} and narrow it, e.g. the sagas that failed in the last hour, 20 a page:
 *
 * <pre>{@code
 * SagaPage page = brokkr.findSagas(SagaQuery.all()
 *     .withStatus(SagaStatus.FAILED)
 *     .updatedAfter(Instant.now().minus(Duration.ofHours(1)))
 *     .limit(20));
 * page.nextCursor().ifPresent(next -> brokkr.findSagas(query.after(next)));  // the next page
 * }</pre>
 *
 * @param statuses the statuses a saga may have; empty for any
 * @param name the saga name it must have
 * @param createdAfter it was created at or after this time
 * @param createdBefore it was created before this time
 * @param updatedAfter it last changed at or after this time
 * @param updatedBefore it last changed before this time
 * @param waitingOn the worker one of its steps is queued for (ready or waiting out a backoff)
 * @param limit the most sagas a page holds, 1 to {@value #MAX_LIMIT}
 * @param cursor where the page starts: a {@link SagaPage#nextCursor()} of the same query
 */
public record SagaQuery(Set<SagaStatus> statuses, Optional<String> name, Optional<Instant> createdAfter,
    Optional<Instant> createdBefore, Optional<Instant> updatedAfter, Optional<Instant> updatedBefore,
    Optional<String> waitingOn, int limit, Optional<SagaCursor> cursor) {

  /** The limit of a page unless told otherwise. */
  public static final int DEFAULT_LIMIT = 50;
  /** The largest page. */
  public static final int MAX_LIMIT = 1000;

  /**
   * Checks the query; times are cut to whole milliseconds, as stores keep them.
   *
   * @param statuses the statuses a saga may have; empty for any
   * @param name the saga name it must have; empty for any
   * @param createdAfter it was created at or after this time; empty for no bound
   * @param createdBefore it was created before this time; empty for no bound
   * @param updatedAfter it last changed at or after this time; empty for no bound
   * @param updatedBefore it last changed before this time; empty for no bound
   * @param waitingOn the worker one of its steps is queued for; empty for any
   * @param limit the most sagas a page holds, 1 to {@value #MAX_LIMIT}
   * @param cursor where the page starts; empty for the first page
   * @throws IllegalArgumentException when the limit is out of range or a name is not a valid id
   */
  public SagaQuery {
    statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    Objects.requireNonNull(name, "name").ifPresent(n -> StoreLimits.checkId("saga name", n));
    // Stores keep times in milliseconds.
    createdAfter = Objects.requireNonNull(createdAfter, "createdAfter").map(SagaQuery::millis);
    createdBefore = Objects.requireNonNull(createdBefore, "createdBefore").map(SagaQuery::millis);
    updatedAfter = Objects.requireNonNull(updatedAfter, "updatedAfter").map(SagaQuery::millis);
    updatedBefore = Objects.requireNonNull(updatedBefore, "updatedBefore").map(SagaQuery::millis);
    Objects.requireNonNull(waitingOn, "waitingOn");
    Objects.requireNonNull(cursor, "cursor");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("a page holds 1 to " + MAX_LIMIT + " sagas, was " + limit);
    }
  }

  /** {@return the query of every saga, {@value #DEFAULT_LIMIT} a page, from the first page} */
  public static SagaQuery all() {
    return new SagaQuery(Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), DEFAULT_LIMIT, Optional.empty());
  }

  /**
   * {@return this query narrowed to the sagas in one of these statuses, which replace any set before}
   *
   * @param first a status
   * @param more further statuses, if any
   */
  public SagaQuery withStatus(SagaStatus first, SagaStatus... more) {
    return new SagaQuery(EnumSet.of(first, more), name, createdAfter, createdBefore, updatedAfter, updatedBefore,
        waitingOn, limit, cursor);
  }

  /**
   * {@return this query narrowed to the sagas of this name}
   *
   * @param sagaName a template's name, or one given to {@link Brokkr#createSaga(String)}
   * @throws IllegalArgumentException when the name is not a valid id
   */
  public SagaQuery withName(String sagaName) {
    return new SagaQuery(statuses, Optional.of(sagaName), createdAfter, createdBefore, updatedAfter, updatedBefore,
        waitingOn, limit, cursor);
  }

  /**
   * {@return this query narrowed to the sagas created at or after {@code time}}
   *
   * @param time the earliest creation time, cut to milliseconds
   */
  public SagaQuery createdAfter(Instant time) {
    return new SagaQuery(statuses, name, Optional.of(time), createdBefore, updatedAfter, updatedBefore, waitingOn,
        limit, cursor);
  }

  /**
   * {@return this query narrowed to the sagas created before {@code time}}
   *
   * @param time the creation time they precede, cut to milliseconds
   */
  public SagaQuery createdBefore(Instant time) {
    return new SagaQuery(statuses, name, createdAfter, Optional.of(time), updatedAfter, updatedBefore, waitingOn,
        limit, cursor);
  }

  /**
   * {@return this query narrowed to the sagas that last changed at or after {@code time}}
   *
   * @param time the earliest last change, cut to milliseconds
   */
  public SagaQuery updatedAfter(Instant time) {
    return new SagaQuery(statuses, name, createdAfter, createdBefore, Optional.of(time), updatedBefore, waitingOn,
        limit, cursor);
  }

  /**
   * {@return this query narrowed to the sagas that last changed before {@code time}}
   *
   * @param time the time their last change precedes, cut to milliseconds
   */
  public SagaQuery updatedBefore(Instant time) {
    return new SagaQuery(statuses, name, createdAfter, createdBefore, updatedAfter, Optional.of(time), waitingOn,
        limit, cursor);
  }

  /**
   * {@return this query narrowed to the sagas with a step queued for {@code workerName}: ready, or
   * waiting out a backoff}
   *
   * @param workerName the worker the step waits for
   */
  public SagaQuery waitingOn(String workerName) {
    return new SagaQuery(statuses, name, createdAfter, createdBefore, updatedAfter, updatedBefore,
        Optional.of(workerName), limit, cursor);
  }

  /**
   * {@return this query with at most {@code sagas} a page}
   *
   * @param sagas the page size, 1 to {@value #MAX_LIMIT}
   * @throws IllegalArgumentException when the size is out of that range
   */
  public SagaQuery limit(int sagas) {
    return new SagaQuery(statuses, name, createdAfter, createdBefore, updatedAfter, updatedBefore, waitingOn, sagas,
        cursor);
  }

  /**
   * {@return this query from the page that starts after a previous page of this query}
   *
   * @param nextCursor a {@link SagaPage#nextCursor()}
   * @throws IllegalArgumentException when it is not one
   */
  public SagaQuery after(String nextCursor) {
    return new SagaQuery(statuses, name, createdAfter, createdBefore, updatedAfter, updatedBefore, waitingOn, limit,
        Optional.of(SagaCursor.parse(nextCursor)));
  }

  private static Instant millis(Instant time) {
    return time.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * {@return whether a saga meets every condition but {@link #waitingOn} and the cursor}
   *
   * @param saga the saga as a list shows it
   */
  public boolean matches(SagaSummary saga) {
    return (statuses.isEmpty() || statuses.contains(saga.status()))
        && name.map(n -> saga.name().equals(Optional.of(n))).orElse(true)
        && createdAfter.map(t -> !saga.createdAt().isBefore(t)).orElse(true)
        && createdBefore.map(t -> saga.createdAt().isBefore(t)).orElse(true)
        && updatedAfter.map(t -> !saga.updatedAt().isBefore(t)).orElse(true)
        && updatedBefore.map(t -> saga.updatedAt().isBefore(t)).orElse(true);
  }
}
