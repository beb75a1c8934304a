package io.brokkr.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParentsTest {
  private static final ContextKey<String> MARK = ContextKey.named("mark");
  private final Parents parents = new Parents();

  @Test
  void anEqualCarrierFindsWhatWasRemembered() {
    Context context = Context.root().with(MARK, "a");
    parents.remember(Map.of("traceparent", "00-a"), context);
    // The same content read back from a store is another map instance.
    assertSame(context, parents.of(new HashMap<>(Map.of("traceparent", "00-a"))));
    assertNull(parents.of(Map.of("traceparent", "00-b")));
  }

  @Test
  void aCarrierOfTheSameSlotTakesItsPlace() {
    Map<String, String> first = Map.of("traceparent", "00-a");
    Map<String, String> second = sameSlotAs(first);
    parents.remember(first, Context.root().with(MARK, "first"));
    Context later = Context.root().with(MARK, "second");
    parents.remember(second, later);
    assertNull(parents.of(first), "forgotten, to be extracted again");
    assertSame(later, parents.of(second));
  }

  private static Map<String, String> sameSlotAs(Map<String, String> carrier) {
    for (int i = 0; ; i++) {
      Map<String, String> other = Map.of("traceparent", "00-" + i);
      int a = carrier.hashCode();
      int b = other.hashCode();
      if (!other.equals(carrier) && ((a ^ (a >>> 16)) & (Parents.SLOTS - 1)) == ((b ^ (b >>> 16)) & (Parents.SLOTS - 1))) {
        return other;
      }
    }
  }
}
