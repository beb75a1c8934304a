package io.brokkr.dashboard.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Sagas started and settled per minute over the last hour, for the overview's chart. Counted from
 * the transitions the dashboard sees, after a first count from the store of the sagas changed in the
 * last hour (at most {@value #SEED_PAGES} pages of {@link SagaQuery#MAX_LIMIT}): a dashboard that
 * starts on a busy namespace shows its last hour at once, and one over more sagas than that shows
 * the most recent of them.
 */
final class Activity {
  static final int MINUTES = 60;
  static final int SEED_PAGES = 10;

  private final Clock clock;
  private final long[] started = new long[MINUTES];
  private final long[] settled = new long[MINUTES];
  /** The epoch minute each slot counts; a slot of an older minute is reset before it is used. */
  private final long[] minuteOf = new long[MINUTES];

  Activity(Clock clock) {
    this.clock = clock;
  }

  /** Counts the sagas changed in the last hour, as the store keeps them. */
  void seed(Brokkr brokkr) {
    Instant since = clock.instant().minus(Duration.ofMinutes(MINUTES));
    SagaQuery query = SagaQuery.all().updatedAfter(since).limit(SagaQuery.MAX_LIMIT);
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < SEED_PAGES; page++) {
      SagaPage sagas = brokkr.findSagas(cursor.map(query::after).orElse(query));
      for (SagaSummary saga : sagas.sagas()) {
        if (!saga.createdAt().isBefore(since) && saga.status() != SagaStatus.CREATED) {
          count(started, saga.createdAt());
        }
        if (saga.status().isSettled()) {
          count(settled, saga.updatedAt());
        }
      }
      cursor = sagas.nextCursor();
      if (cursor.isEmpty()) {
        return;
      }
    }
  }

  /** A saga the dashboard saw move. */
  void saw(SagaStatus from, SagaStatus to) {
    if (from == SagaStatus.CREATED && to == SagaStatus.RUNNING) {
      count(started, clock.instant());
    }
    if (to.isSettled()) {
      count(settled, clock.instant());
    }
  }

  private synchronized void count(long[] counts, Instant at) {
    long minute = at.getEpochSecond() / 60;
    if (minute <= clock.instant().getEpochSecond() / 60 - MINUTES) {
      return;
    }
    int slot = (int) Math.floorMod(minute, (long) MINUTES);
    if (minuteOf[slot] != minute) {
      minuteOf[slot] = minute;
      started[slot] = 0;
      settled[slot] = 0;
    }
    counts[slot]++;
  }

  /** The last hour, oldest minute first: {@code [{"minute": ISO, "started": n, "settled": n}, ...]}. */
  synchronized ArrayNode lastHour() {
    ArrayNode minutes = JsonNodeFactory.instance.arrayNode();
    long now = clock.instant().getEpochSecond() / 60;
    for (long minute = now - MINUTES + 1; minute <= now; minute++) {
      int slot = (int) Math.floorMod(minute, (long) MINUTES);
      boolean counted = minuteOf[slot] == minute;
      minutes.addObject()
          .put("minute", Instant.ofEpochSecond(minute * 60).truncatedTo(ChronoUnit.MINUTES).toString())
          .put("started", counted ? started[slot] : 0)
          .put("settled", counted ? settled[slot] : 0);
    }
    return minutes;
  }
}
