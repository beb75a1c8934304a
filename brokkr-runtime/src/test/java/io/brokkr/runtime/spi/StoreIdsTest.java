package io.brokkr.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.Names;
import org.junit.jupiter.api.Test;

/** Every store's ids follow the one rule of brokkr-dsl's {@link Names}: its limit, its escapes. */
class StoreIdsTest {

  @Test
  void everyNameIsAnIdAndSoIsTheCompensatorIdDerivedFromIt() {
    String longest = "n".repeat(Names.MAX_LENGTH);
    assertTrue(Names.isValid(longest));
    assertTrue(StoreLimits.isValidId(longest));
    assertTrue(StoreLimits.isValidId(longest + "/compensator"));
  }

  @Test
  void theLimitIsTheOneOfNames() {
    assertTrue(StoreLimits.isValidId("i".repeat(Names.MAX_ID_LENGTH)));
    assertFalse(StoreLimits.isValidId("i".repeat(Names.MAX_ID_LENGTH + 1)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StoreLimits.checkId("saga id", "i".repeat(Names.MAX_ID_LENGTH + 1)));
    assertEquals("saga id \"" + "i".repeat(Names.MAX_ID_LENGTH) + "…\" is not allowed: it has "
        + (Names.MAX_ID_LENGTH + 1) + " characters; ids are 1 to " + Names.MAX_ID_LENGTH
        + " characters without '{', '}' or control characters", e.getMessage());
  }

  @Test
  void quotesAnIdAsNamesAreQuoted() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoreLimits.checkId("step id", "a\tb"));
    assertTrue(e.getMessage().startsWith("step id \"" + Names.escape("a\tb") + "\" is not allowed"), e.getMessage());
    assertTrue(e.getMessage().contains("control character U+0009"), e.getMessage());
  }
}
