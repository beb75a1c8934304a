package io.brokkr.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.dsl.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A draft's dependencies are checked for repeats on short lists and long ones alike (the long ones
 * with a set), each after the check that the dependency is known, as {@code addStep} checks them.
 */
class SagaDraftCheckTest {
  @Test
  void aDependencyListedTwiceIsRejectedInAShortList() {
    StoreRejectedException e = assertThrows(StoreRejectedException.class,
        () -> draft(step("join", "a", "b", "a")).check());

    assertEquals(Rejection.DUPLICATE_DEPENDENCY, e.reason());
    assertEquals("saga s: step \"join\" lists dependency \"a\" twice", e.getMessage());
  }

  @Test
  void aDependencyListedTwiceIsRejectedInALongList() {
    List<String> dependencies = new ArrayList<>(leaves(20));
    dependencies.add("leaf-13");

    StoreRejectedException e = assertThrows(StoreRejectedException.class,
        () -> draft(step("join", dependencies.toArray(String[]::new))).check());

    assertEquals("saga s: step \"join\" lists dependency \"leaf-13\" twice", e.getMessage());
  }

  @Test
  void distinctDependenciesPassInShortAndLongLists() {
    assertDoesNotThrow(() -> draft(step("join", "a", "b")).check());
    assertDoesNotThrow(() -> draft(step("join", leaves(20).toArray(String[]::new))).check());
  }

  @Test
  void anUnknownDependencyIsNamedBeforeALaterRepeat() {
    StoreRejectedException e = assertThrows(StoreRejectedException.class,
        () -> draft(step("join", "a", "nowhere", "a")).check());

    assertEquals(Rejection.UNKNOWN_DEPENDENCY, e.reason());
  }

  /** A draft of steps a, b and leaf-0 to leaf-19, then {@code last}. */
  private static SagaDraft draft(StepSpec last) {
    List<StepSpec> steps = new ArrayList<>(List.of(step("a"), step("b")));
    leaves(20).forEach(leaf -> steps.add(step(leaf)));
    steps.add(last);
    return new SagaDraft("s", steps, Map.of());
  }

  private static List<String> leaves(int count) {
    List<String> leaves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      leaves.add("leaf-" + i);
    }
    return leaves;
  }

  private static StepSpec step(String id, String... dependsOn) {
    return new StepSpec(id, "w", List.of(dependsOn), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }
}
