package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.spi.SagaStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The store a node times (when something listens) is the backend's store behind {@link TimedStore}:
 * every method the backend's store may implement must reach it, defaults included, or a store's own
 * behaviour would be lost on observed nodes only (a Redis store's hand-over at a drain, say).
 */
class TimedStoreTest {
  /** The convenience overloads whose defaults call another method of the store, which is delegated. */
  private static final Set<String> OVERLOADS = Set.of(
      "createSaga(String)",
      "finishAndClaim(StepRef, Settler, Optional, ClaimRequest)",
      "fail(StepRef, Settler, String, Instant)");

  @Test
  void everyMethodOfTheStoreIsDelegated() {
    List<String> missing = Arrays.stream(SagaStore.class.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !declaredBy(TimedStore.class, m))
        .map(TimedStoreTest::signature)
        .filter(s -> !OVERLOADS.contains(s))
        .sorted()
        .toList();
    assertEquals(List.of(), missing);
  }

  private static boolean declaredBy(Class<?> type, Method method) {
    try {
      type.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
