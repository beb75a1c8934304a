package io.brokkr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** The filters of the coming {@code brokkr list}, parsed as picocli will parse them. */
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
  void limitIsFrom1To10000() {
    assertEquals(50, parse().limit);
    assertEquals(10_000, parse("--limit", "10000").limit);
    assertEquals("Invalid value for option '--limit': 0 is not from 1 to 10000", refused("--limit", "0"));
    assertEquals("Invalid value for option '--limit': \"ten\" is not a whole number", refused("--limit", "ten"));
  }

  @Test
  void nameIsOptional() {
    assertEquals(Optional.of("Hammer"), parse("--name", "Hammer").name());
    assertEquals(Optional.empty(), parse().name());
  }
}
