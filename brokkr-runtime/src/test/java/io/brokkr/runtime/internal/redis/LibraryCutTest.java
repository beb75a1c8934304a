package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LibraryCutTest {
  private static final String LIBRARY = """
      local STATE = {}
      local function used_by_helper()
        return 1
      end
      local function helper()
        if STATE then
          return used_by_helper()
        end
      end
      -- a comment
      local function unused()
        return 2
      end
      local function named_by_a_statement()
        return 3
      end
      local x = named_by_a_statement()
      """;

  @Test
  void keepsTheStatementsAndTheFunctionsTheBodyReachesThroughOthers() {
    String cut = LibraryCut.forBody(LIBRARY, "return helper()\n");
    assertTrue(cut.contains("local function helper()"), cut);
    assertTrue(cut.contains("local function used_by_helper()"), cut);
    assertTrue(cut.contains("local function named_by_a_statement()"), cut);
    assertTrue(cut.contains("local STATE = {}\n") && cut.contains("-- a comment\n")
        && cut.contains("local x = named_by_a_statement()\n"), cut);
    assertFalse(cut.contains("unused"), cut);
    assertEquals(LIBRARY.replace("local function unused()\n  return 2\nend\n", ""), cut);
  }

  @Test
  void aBodyThatCallsEverythingGetsTheWholeLibrary() {
    assertEquals(LIBRARY, LibraryCut.forBody(LIBRARY, "helper() unused()"));
  }

  @Test
  void everyTransitionScriptStillHasTheRunnerAndTheTransitionTables() {
    ScriptRegistry scripts = ScriptRegistry.shared();
    for (Script script : Script.values()) {
      if (script.usesLibrary()) {
        String source = scripts.source(script);
        assertTrue(source.contains("local function run(body, after)") && source.contains("local STEP_MOVES = {"), script.name());
      }
    }
    assertFalse(scripts.source(Script.HEARTBEAT).contains("local function retry_saga("), "heartbeat never retries a saga");
  }
}
