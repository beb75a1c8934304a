package io.brokkr.cli;

import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The filters of {@code brokkr list}: mixed into the list command, they map one to one onto the
 * saga query of the operations API (statuses, name, updated since, page size, cursor).
 * Parsed and checked here, so that a bad value is a usage error before Redis is asked anything.
 */
final class ListOptions {
  /** The largest page {@code --limit} asks for: the largest page of the saga query. */
  static final int MAX_LIMIT = SagaQuery.MAX_LIMIT;

  @Option(names = "--status", paramLabel = "STATUS", split = ",",
      description = "Only sagas in these statuses, e.g. FAILED,COMPENSATING (any case).")
  @Nullable List<SagaStatus> statuses;

  @Option(names = "--name", paramLabel = "NAME", description = "Only sagas of this name.")
  @Nullable String name;

  @Option(names = "--since", paramLabel = "DURATION", converter = PositiveDuration.class,
      description = "Only sagas changed within this long, e.g. 30m, 1h, 7d.")
  @Nullable Duration since;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50", converter = Limit.class,
      description = "At most this many sagas, newest change first (1 to " + MAX_LIMIT + "; default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--cursor", paramLabel = "CURSOR", converter = Cursor.class,
      description = "The next page: the cursor the previous page ended with, the other options unchanged.")
  @Nullable String cursor;

  /** The statuses asked for; every status when none was. */
  Set<SagaStatus> statuses() {
    return statuses == null || statuses.isEmpty() ? EnumSet.allOf(SagaStatus.class) : EnumSet.copyOf(statuses);
  }

  Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The earliest change time asked for, counted back from {@code now}. */
  Optional<Instant> changedAfter(Instant now) {
    return Optional.ofNullable(since).map(now::minus);
  }

  /** The saga query these options ask for, {@code --since} counted back from {@code now}. */
  SagaQuery query(Instant now) {
    SagaQuery query = SagaQuery.all().limit(limit);
    Set<SagaStatus> wanted = statuses();
    if (!wanted.equals(EnumSet.allOf(SagaStatus.class))) {
      SagaStatus[] statuses = wanted.toArray(SagaStatus[]::new);
      query = query.withStatus(statuses[0], java.util.Arrays.copyOfRange(statuses, 1, statuses.length));
    }
    query = name().map(query::withName).orElse(query);
    query = changedAfter(now).map(query::updatedAfter).orElse(query);
    return cursor == null ? query : query.after(cursor);
  }

  /** {@code --cursor}: a cursor as a page of the saga query ends with. */
  static final class Cursor implements picocli.CommandLine.ITypeConverter<String> {
    @Override
    public String convert(String text) {
      try {
        SagaQuery.all().after(text);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("\"" + text + "\" is not a cursor of brokkr list");
      }
      return text;
    }
  }

  /** {@code --limit}: a whole number from 1 to {@link #MAX_LIMIT}. */
  static final class Limit implements picocli.CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      int value;
      try {
        value = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw new picocli.CommandLine.TypeConversionException("\"" + text + "\" is not a whole number");
      }
      if (value < 1 || value > MAX_LIMIT) {
        throw new picocli.CommandLine.TypeConversionException(value + " is not from 1 to " + MAX_LIMIT);
      }
      return value;
    }
  }
}
