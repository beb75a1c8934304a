package io.brokkr.bench;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills a namespace with sagas as a store holds them after a while in production: most FINISHED,
 * some COMPENSATED, about 1 % FAILED (their compensator failed for good), some RUNNING with their
 * first step waiting for a worker, under three saga names. Each saga reserves stock, then charges;
 * the reservation has a compensator. Steps are settled from outside, through the SPI, so that the
 * fill costs only the store's own calls.
 */
final class SagaMix {
  /** The names sagas take in turn. */
  static final List<String> NAMES = List.of("order", "refund", "restock");
  /** The worker of every saga's first step: RUNNING sagas wait on it, and no node hosts it. */
  static final String STOCK_WORKER = "stock";

  private static final StepSpec RESERVE = step("reserve", STOCK_WORKER, List.of());
  private static final StepSpec CHARGE = step("charge", "payments", List.of("reserve"));
  private static final StepSpec RELEASE = step("release", STOCK_WORKER, List.of());

  private SagaMix() {}

  /**
   * What saga number {@code i} ends as: of every 100, one FAILED, 9 COMPENSATED, 10 RUNNING and 80
   * FINISHED, spread so that each name and every stretch of the fill holds all of them.
   */
  static SagaStatus statusOf(int i) {
    int r = Math.floorMod(i * 37, 100);
    if (r == 0) {
      return SagaStatus.FAILED;
    }
    if (r < 10) {
      return SagaStatus.COMPENSATED;
    }
    return r < 20 ? SagaStatus.RUNNING : SagaStatus.FINISHED;
  }

  /** {@return how many of {@code sagas} sagas end in each status (every status listed)} */
  static Map<SagaStatus, Long> planned(int sagas) {
    Map<SagaStatus, Long> counts = new EnumMap<>(SagaStatus.class);
    for (SagaStatus status : SagaStatus.values()) {
      counts.put(status, 0L);
    }
    for (int i = 0; i < sagas; i++) {
      counts.merge(statusOf(i), 1L, Long::sum);
    }
    return counts;
  }

  /**
   * Creates {@code sagas} sagas on {@code threads} threads and settles each as {@link #statusOf} says.
   *
   * @return when the fill ended
   */
  static Instant fill(SagaStore store, int sagas, int threads) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < sagas; i = next.getAndIncrement()) {
            one(store, i);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return Instant.now();
  }

  private static void one(SagaStore store, int i) {
    String id = UUID.randomUUID().toString();
    String name = NAMES.get(i % NAMES.size());
    store.createAndStart(new SagaDraft(id, List.of(RESERVE, CHARGE), Map.of("reserve", RELEASE), Optional.of(name)));
    SagaStatus status = statusOf(i);
    if (status == SagaStatus.RUNNING) {
      return;
    }
    Settler outside = Settler.external();
    store.finish(new StepRef(id, "reserve"), outside, Optional.of("{\"reservation\":\"r-" + i + "\"}"));
    if (status == SagaStatus.FINISHED) {
      store.finish(new StepRef(id, "charge"), outside, Optional.of("{\"payment\":\"p-" + i + "\"}"));
      return;
    }
    // A failure from outside is final: the saga compensates and queues the release.
    store.fail(new StepRef(id, "charge"), outside, "card declined", Instant.now());
    StepRef release = new StepRef(id, "release");
    if (status == SagaStatus.COMPENSATED) {
      store.finish(release, outside, Optional.empty());
    } else {
      store.fail(release, outside, "stock service gone", Instant.now());
    }
  }

  private static StepSpec step(String id, String worker, List<String> dependsOn) {
    return new StepSpec(id, worker, dependsOn, "[\"sku-42\",3]", RetryPolicy.DEFAULT, Optional.of(Duration.ofSeconds(30)));
  }
}
