package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A namespace hands every event to each subscription in the order they were made; a closed one hears
 * no more, closing it twice takes out no other, and a listener subscribed twice hears twice until one
 * of its subscriptions closes.
 */
class NamespaceSubscribersTest {
  private final MemoryNamespace namespace = new MemoryNamespace("ns", Duration.ofDays(1));
  /** What the listeners heard of the sagas' moves (a start moves a saga once). */
  private final List<String> heard = new ArrayList<>();

  @Test
  void eachSubscriptionHearsEveryEventUntilItCloses() {
    Subscribers.Subscriber first = namespace.subscribe(event -> record("first", event), true);
    namespace.subscribe(event -> record("second", event), true);
    start("a");
    assertEquals(List.of("first a", "second a"), heard);

    namespace.unsubscribe(first);
    namespace.unsubscribe(first); // again: the second stays
    heard.clear();
    start("b");
    assertEquals(List.of("second b"), heard);
  }

  @Test
  void aListenerSubscribedTwiceHearsTwiceUntilOneSubscriptionCloses() {
    StoreListener listener = event -> record("it", event);
    Subscribers.Subscriber one = namespace.subscribe(listener, true);
    namespace.subscribe(listener, true);
    start("a");
    assertEquals(List.of("it a", "it a"), heard);

    namespace.unsubscribe(one);
    heard.clear();
    start("b");
    assertEquals(List.of("it b"), heard);
  }

  private void record(String who, StoreEvent event) {
    if (event instanceof StoreEvent.SagaMoved) {
      heard.add(who + " " + event.sagaId());
    }
  }

  /** A saga of one step, created and started: its start is the one move of the saga each listener records. */
  private void start(String sagaId) {
    namespace.create(sagaId, Optional.empty(), Clock.systemUTC());
    namespace.apply(sagaId, saga -> saga.addStep(
        new StepSpec("s", "w", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty())));
    namespace.apply(sagaId, MemorySaga::start);
  }
}
