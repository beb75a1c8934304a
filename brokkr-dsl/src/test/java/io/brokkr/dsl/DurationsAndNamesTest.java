package io.brokkr.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DurationsAndNamesTest {

  @Test
  void parsesShortAndIsoDurations() {
    assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
    assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
    assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    assertEquals(Duration.ofDays(7), Durations.parse("7d"));
    assertEquals(Duration.ofSeconds(90), Durations.parse("PT1M30S"));
  }

  @Test
  void refusesTextThatIsNotADurationQuotingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
    assertEquals("\"soon\" is not a duration; write e.g. 250ms, 10s, 2m, 1h, 1d or PT10S", e.getMessage());
  }

  @Test
  void formatsTheShortestTextThatReadsBack() {
    assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
    assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
    assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
    assertEquals("0ms", Durations.format(Duration.ZERO));
    assertEquals("7d", Durations.format(Duration.ofDays(7)));
    for (Duration d : List.of(Duration.ofNanos(1500), Duration.ofMillis(-5), Duration.ofHours(25))) {
      assertEquals(d, Durations.parse(Durations.format(d)));
    }
  }

  @Test
  void namesFollowTheRule() {
    assertTrue(Names.isValid("HammerHeadFactory"));
    assertTrue(Names.isValid("Hammer.head-v2_x"));
    assertFalse(Names.isValid(""));
    assertFalse(Names.isValid("9lives"));
    assertFalse(Names.isValid("a{b}"));
    assertFalse(Names.isValid("a".repeat(Names.MAX_LENGTH + 1)));
    assertTrue(Names.isValid("a".repeat(Names.MAX_LENGTH)));
  }

  @Test
  void escapesControlCharactersAsJavaDoesAndNothingElse() {
    assertEquals("he\\u000Aad\\u0009ü{x}", Names.escape("he\nad\tü{x}"));
  }

  @Test
  void idsMayBeLongerThanNamesSoThatIdsDerivedFromNamesFit() {
    assertTrue(Names.MAX_ID_LENGTH >= Names.MAX_LENGTH + "/compensator".length());
  }

  @Test
  void suggestsOnlyCloseNames() {
    List<String> steps = List.of("head", "handle", "hammer");
    assertEquals(Optional.of("head"), Names.suggest("hed", steps));
    assertEquals(Optional.of("handle"), Names.suggest("Handel", steps));
    assertEquals(Optional.empty(), Names.suggest("anvil", steps));
  }
}
