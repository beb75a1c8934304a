package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.Names;
import org.junit.jupiter.api.Test;

/** The Redis store's ids follow the one rule of brokkr-dsl's {@link Names}: its limit, its escapes. */
class IdsTest {

  @Test
  void everyNameIsAnIdAndSoIsTheCompensatorIdDerivedFromIt() {
    String longest = "n".repeat(Names.MAX_LENGTH);
    assertTrue(Names.isValid(longest));
    assertTrue(Ids.isValid(longest));
    assertTrue(Ids.isValid(longest + "/compensator"));
  }

  @Test
  void theLimitIsTheOneOfNames() {
    assertTrue(Ids.isValid("i".repeat(Names.MAX_ID_LENGTH)));
    assertFalse(Ids.isValid("i".repeat(Names.MAX_ID_LENGTH + 1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ids.check("saga id", "i".repeat(Names.MAX_ID_LENGTH + 1)));
    assertEquals("saga id \"" + "i".repeat(Names.MAX_ID_LENGTH) + "…\" is not allowed in the Redis store: it has "
        + (Names.MAX_ID_LENGTH + 1) + " characters; ids are 1 to " + Names.MAX_ID_LENGTH
        + " characters without '{', '}' or control characters", e.getMessage());
  }

  @Test
  void quotesAnIdAsNamesAreQuoted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.check("step id", "a\tb"));
    assertTrue(e.getMessage().startsWith("step id \"" + Names.escape("a\tb") + "\" is not allowed"), e.getMessage());
    assertTrue(e.getMessage().contains("control character U+0009"), e.getMessage());
  }
}
