package io.brokkr.dashboard.internal;

import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import java.time.Duration;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The list's filters, from its query string: {@code status} (comma-separated), {@code name},
 * {@code since} (changed within: {@code 15m}, {@code 1h}, {@code 24h}, {@code 7d}), {@code waitingOn},
 * {@code limit}, {@code cursor}; or {@code id}, which finds one saga.
 *
 * @param query the query of the other filters
 * @param sagaId the id searched for, if one is
 */
record ListParams(SagaQuery query, Optional<String> sagaId) {

  static ListParams of(Map<String, String> params, Clock clock) {
    SagaQuery query = SagaQuery.all();
    String statuses = params.getOrDefault("status", "").strip();
    if (!statuses.isEmpty()) {
      Set<SagaStatus> set = EnumSet.noneOf(SagaStatus.class);
      for (String status : statuses.split(",")) {
        try {
          set.add(SagaStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new Exchanges.BadRequest("no status \"" + status + "\"; one of " + EnumSet.allOf(SagaStatus.class));
        }
      }
      SagaStatus first = set.iterator().next();
      set.remove(first);
      query = query.withStatus(first, set.toArray(SagaStatus[]::new));
    }
    String name = params.getOrDefault("name", "").strip();
    if (!name.isEmpty()) {
      query = query.withName(name);
    }
    String since = params.getOrDefault("since", "").strip();
    if (!since.isEmpty()) {
      query = query.updatedAfter(clock.instant().minus(duration(since)));
    }
    String waitingOn = params.getOrDefault("waitingOn", "").strip();
    if (!waitingOn.isEmpty()) {
      query = query.waitingOn(waitingOn);
    }
    String limit = params.getOrDefault("limit", "").strip();
    if (!limit.isEmpty()) {
      try {
        query = query.limit(Integer.parseInt(limit));
      } catch (NumberFormatException e) {
        throw new Exchanges.BadRequest("a limit is a number of sagas, not \"" + limit + "\"");
      }
    }
    String cursor = params.getOrDefault("cursor", "").strip();
    if (!cursor.isEmpty()) {
      query = query.after(cursor);
    }
    String id = params.getOrDefault("id", "").strip();
    return new ListParams(query, id.isEmpty() ? Optional.empty() : Optional.of(id));
  }

  private static Duration duration(String text) {
    try {
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      switch (text.charAt(text.length() - 1)) {
        case 'm':
          return Duration.ofMinutes(amount);
        case 'h':
          return Duration.ofHours(amount);
        case 'd':
          return Duration.ofDays(amount);
        default:
          break;
      }
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      // Worded below.
    }
    throw new Exchanges.BadRequest("\"since\" is a number and m, h or d (15m, 1h, 7d), not \"" + text + "\"");
  }
}
