package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** The filters of {@code brokkr list}, parsed as picocli will parse them. */
class ListOptionsTest {
  @Command(name = "list")
  static final class Listing {
    @Mixin
    ListOptions options;
  }

  static ListOptions parse(String... args) {
    Listing listing = new Listing();
    CommandLine line = new CommandLine(listing);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.parseArgs(args);
    return listing.options;
  }

  static String refused(String... args) {
    return assertThrows(ParameterException.class, () -> parse(args)).getMessage();
  }

  @Test
  void statusesAreAListInAnyCase() {
    assertEquals(EnumSet.of(SagaStatus.FAILED, SagaStatus.COMPENSATING), parse("--status", "failed,COMPENSATING").statuses());
    assertEquals(EnumSet.allOf(SagaStatus.class), parse().statuses());
  }

  @Test
  void anUnknownStatusNamesTheValidOnes() {
    assertEquals("Invalid value for option '--status' (STATUS): expected one of [CREATED, RUNNING, FINISHED,"
        + " COMPENSATING, COMPENSATED, FAILED] (case-insensitive) but was 'broken'", refused("--status", "failed,broken"));
  }

  @Test
  void sinceCountsBackFromNow() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    assertEquals(Optional.of(Instant.parse("2026-12-01T11:00:00Z")), parse("--since", "1h").changedAfter(now));
    assertEquals(Optional.of(Instant.parse("2026-11-24T12:00:00Z")), parse("--since", "7d").changedAfter(now));
    assertEquals(Optional.empty(), parse().changedAfter(now));
    assertEquals(Duration.ofMinutes(90), parse("--since", "PT1H30M").since);
  }

  @Test
  void sinceMustBeADurationAboveZero() {
    assertEquals("Invalid value for option '--since': \"soon\" is not a duration; write e.g. 250ms, 10s, 2m, 1h, 1d"
        + " or PT10S", refused("--since", "soon"));
    assertEquals("Invalid value for option '--since': \"-1h\" is not a duration above zero", refused("--since", "-1h"));
    assertEquals("Invalid value for option '--since': \"0s\" is not a duration above zero", refused("--since", "0s"));
  }

  @Test
  void limitIsFrom1To1000() {
    assertEquals(50, parse().limit);
    assertEquals(1000, parse("--limit", "1000").limit);
    assertEquals("Invalid value for option '--limit': 0 is not from 1 to 1000", refused("--limit", "0"));
    assertEquals("Invalid value for option '--limit': 1001 is not from 1 to 1000", refused("--limit", "1001"));
    assertEquals("Invalid value for option '--limit': \"ten\" is not a whole number", refused("--limit", "ten"));
  }

  @Test
  void theOptionsMakeTheSagaQuery() {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    assertEquals(SagaQuery.all().withStatus(SagaStatus.FAILED).withName("Hammer")
            .updatedAfter(Instant.parse("2026-12-01T11:00:00Z")).limit(5).after("1764586800000:saga-1"),
        parse("--status", "failed", "--name", "Hammer", "--since", "1h", "--limit", "5", "--cursor", "1764586800000:saga-1")
            .query(now));
    assertEquals(SagaQuery.all(), parse().query(now));
  }

  @Test
  void aCursorMustBeOneAPageEndedWith() {
    assertEquals("Invalid value for option '--cursor': \"page-2\" is not a cursor of brokkr list", refused("--cursor", "page-2"));
  }

  @Test
  void nameIsOptional() {
    assertEquals(Optional.of("Hammer"), parse("--name", "Hammer").name());
    assertEquals(Optional.empty(), parse().name());
  }
}
