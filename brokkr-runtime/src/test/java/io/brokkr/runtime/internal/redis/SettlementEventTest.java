package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event of a saga's settling carries what its outcome needs, so that no node reads the saga for it. */
class SettlementEventTest {
  private static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofMillis(10), 2.0, Duration.ofMillis(10));

  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private final BlockingQueue<StoreEvent.SagaMoved> settled = new LinkedBlockingQueue<>();
  private SagaStore store;

  @BeforeEach
  void open() {
    store = RedisBackend.on(REDIS.client(), RedisOptions.defaults()).open("settle-" + UUID.randomUUID());
    store.subscribe(event -> {
      if (event instanceof StoreEvent.SagaMoved moved && moved.to().isSettled()) {
        settled.add(moved);
      }
    });
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static StepSpec spec(String id, String... dependsOn) {
    return new StepSpec(id, "W", List.of(dependsOn), "[]", ONCE, Optional.empty());
  }

  private void start(String sagaId) {
    store.createAndStart(new SagaDraft(sagaId, List.of(spec("a"), spec("b", "a"), spec("c", "a")),
        Map.of("a", spec("a/undo", "a"))));
  }

  private StoreEvent.SagaMoved settlingOf(String sagaId) throws InterruptedException {
    StoreEvent.SagaMoved moved = settled.poll(30, TimeUnit.SECONDS);
    assertNotNull(moved, "no settling event of " + sagaId);
    assertEquals(sagaId, moved.sagaId());
    return moved;
  }

  @Test
  void aFinishedSagasEventCarriesItsResultsInTheOrderAdded() throws InterruptedException {
    start("s");
    store.finish(new StepRef("s", "a"), Settler.external(), Optional.of("{\"x\":1}"));
    store.finish(new StepRef("s", "c"), Settler.external(), Optional.empty());
    store.finish(new StepRef("s", "b"), Settler.external(), Optional.of("\"two\""));

    StoreEvent.SagaMoved moved = settlingOf("s");
    assertEquals(SagaStatus.FINISHED, moved.to());
    StoreEvent.Settlement settlement = moved.settlement().orElseThrow();
    assertEquals(Optional.empty(), settlement.failure());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "{\"x\":1}");
    expected.put("b", "\"two\"");
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(settlement.results().entrySet()));
  }

  @Test
  void aCompensatedSagasEventCarriesTheFailureAndNoCompensatorResult() throws InterruptedException {
    start("f");
    store.finish(new StepRef("f", "a"), Settler.external(), Optional.of("1"));
    store.fail(new StepRef("f", "b"), Settler.external(), "boom", Instant.now());
    store.finish(new StepRef("f", "a/undo"), Settler.external(), Optional.of("\"undone\""));

    StoreEvent.SagaMoved moved = settlingOf("f");
    assertEquals(SagaStatus.COMPENSATED, moved.to());
    StoreEvent.Settlement settlement = moved.settlement().orElseThrow();
    assertEquals(Optional.of(new SagaOutcome.Failure("b", "boom")), settlement.failure());
    assertEquals(Map.of("a", "1"), settlement.results());
  }

  @Test
  void resultsTooLongForAnEventAreLeftToARead() throws InterruptedException {
    start("big");
    String big = "\"" + "x".repeat(70 * 1024) + "\"";
    store.finish(new StepRef("big", "a"), Settler.external(), Optional.of(big));
    store.finish(new StepRef("big", "b"), Settler.external(), Optional.empty());
    store.finish(new StepRef("big", "c"), Settler.external(), Optional.empty());

    StoreEvent.SagaMoved moved = settlingOf("big");
    assertEquals(SagaStatus.FINISHED, moved.to());
    assertEquals(Optional.empty(), moved.settlement());
    assertEquals(Optional.of(big), store.load("big").orElseThrow().steps().get(0).resultJson());
  }
}
