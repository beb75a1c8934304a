package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.RedisOptions;
import io.brokkr.runtime.SagaCursor;
import io.brokkr.runtime.SagaPage;
import io.brokkr.runtime.SagaQuery;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaSummary;
import io.brokkr.runtime.redis.testing.RedisExtension;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The saga indexes on Redis: a query of any status walks the status indexes (no index of every saga is
 * kept); entries of sagas gone after their retention are dropped by the sweep's trim.
 */
class SagaIndexTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  @Test
  void anExpiredSagaLeavesTheIndexesAtTheNextTrimAndALiveOneStays() throws IOException {
    String namespace = "index-" + UUID.randomUUID();
    RedisOptions options = RedisOptions.defaults().withRetention(Duration.ofMillis(200)).withPartitions(2);
    try (SagaStore store = RedisBackend.on(REDIS.client(), options).open(namespace)) {
      store.createSaga("settled", Optional.of("expiring"));
      store.addStep("settled", new StepSpec("only", "W", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("settled");
      store.finish(new StepRef("settled", "only"), Settler.external(), Optional.empty());
      store.createSaga("running", Optional.of("expiring"));
      store.addStep("running", new StepSpec("only", "W", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("running");
      assertEquals(1L, store.countByStatus().get(SagaStatus.FINISHED));

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (store.load("settled").isPresent() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertTrue(store.load("settled").isEmpty(), "Redis dropped the settled saga after its retention");
      assertEquals(List.of("running"), ids(store, SagaQuery.all().withName("expiring")),
          "a query skips a saga that is gone before any trim");
      assertEquals(1L, store.countByStatus().get(SagaStatus.FINISHED), "counts keep it until the trim");

      RedisSagaStore redis = (RedisSagaStore) store;
      assertEquals(1L, redis.trimIndex());
      assertEquals(0L, store.countByStatus().get(SagaStatus.FINISHED));
      assertEquals(1L, store.countByStatus().get(SagaStatus.RUNNING));
      assertEquals(List.of("running"), ids(store, SagaQuery.all()));
      assertEquals(0L, redis.trimIndex(), "nothing left to drop");
      String names = REDIS.redisServer().command("HEXISTS {" + namespace + ":" + new KeyLayout(namespace, 2)
          .partitionOf("settled") + "}:ix:names settled");
      assertEquals(":0", names.trim(), "the expired saga's name entry went with it");
    }
  }

  @Test
  void aQueryOfAnyStatusWalksTheStatusIndexesForNoIndexOfEverySagaIsWritten() throws IOException {
    String namespace = "index-" + UUID.randomUUID();
    KeyLayout layout = new KeyLayout(namespace, 2);
    try (SagaStore store = RedisBackend.on(REDIS.client(), RedisOptions.defaults().withPartitions(2)).open(namespace)) {
      store.createSaga("created", Optional.empty());
      store.createSaga("running", Optional.of("named"));
      store.addStep("running", new StepSpec("only", "W", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("running");
      store.createSaga("finished", Optional.empty());
      store.addStep("finished", new StepSpec("only", "W", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("finished");
      store.finish(new StepRef("finished", "only"), Settler.external(), Optional.empty());

      assertEquals(Set.of("created", "running", "finished"), Set.copyOf(ids(store, SagaQuery.all())));
      for (int p = 0; p < 2; p++) {
        assertEquals(":0", REDIS.redisServer().command("EXISTS " + layout.indexKey(p)).trim(),
            "the index of every saga in partition " + p);
      }
    }
  }

  @Test
  void pagesOfAQueryOfAnyStatusTakeTheStatusIndexesInTurnNewestChangeFirst() {
    String namespace = "index-" + UUID.randomUUID();
    // One partition: the order across statuses is the script's, which merges their indexes.
    try (SagaStore store = RedisBackend.on(REDIS.client(), RedisOptions.defaults().withPartitions(1)).open(namespace)) {
      for (int i = 0; i < 12; i++) {
        String id = "saga-" + i;
        store.createSaga(id, Optional.empty());
        if (i % 2 == 1) {
          store.addStep(id, new StepSpec("only", "W", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
          store.start(id);
        }
      }
      SagaQuery query = SagaQuery.all().limit(2);
      List<SagaSummary> all = new ArrayList<>();
      SagaPage page = store.query(query);
      all.addAll(page.sagas());
      while (page.nextCursor().isPresent()) {
        page = store.query(query.after(page.nextCursor().get()));
        all.addAll(page.sagas());
      }

      assertEquals(12, all.size(), "no saga is listed twice: " + all);
      assertEquals(12, Set.copyOf(all.stream().map(SagaSummary::sagaId).toList()).size(), "nor skipped: " + all);
      List<SagaSummary> sorted = new ArrayList<>(all);
      sorted.sort(SagaCursor.ORDER);
      assertEquals(sorted, all, "newest change first, then the greatest id, CREATED and RUNNING alike");
    }
  }

  @Test
  void theTrimDropsTheEntriesAnEarlierBuildLeftInTheIndexOfEverySaga() throws IOException {
    String namespace = "index-" + UUID.randomUUID();
    KeyLayout layout = new KeyLayout(namespace, 1);
    try (SagaStore store = RedisBackend.on(REDIS.client(), RedisOptions.defaults().withPartitions(1)
        .withRetention(Duration.ofMillis(1))).open(namespace)) {
      // A saga gone long ago, indexed as builds before 2026-12-04 indexed it.
      REDIS.redisServer().command("ZADD " + layout.indexKey(0) + " 1000 gone");
      REDIS.redisServer().command("ZADD " + layout.statusIndexKey(0, "FINISHED") + " 1000 gone");

      assertEquals(1L, ((RedisSagaStore) store).trimIndex());
      assertEquals(":0", REDIS.redisServer().command("EXISTS " + layout.indexKey(0)).trim());
    }
  }

  private static List<String> ids(SagaStore store, SagaQuery query) {
    return store.query(query).sagas().stream().map(s -> s.sagaId()).toList();
  }
}
