package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The two parents of a join step finished at the same moment, by two threads on two nodes (each
 * with its own store and connections), a thousand times: the join is queued and runs exactly once.
 */
class ConcurrentJoinTest {
  private static final int SAGAS = 1000;
  private static final long PATIENCE_SECONDS = 60;

  private static RedisServer server;
  private static RedissonClient client;

  @BeforeAll
  static void startServer() throws IOException {
    server = RedisServer.start();
    client = Redissons.of(server);
  }

  @AfterAll
  static void stopServer() {
    client.shutdown();
    server.close();
  }

  @Test
  void theJoinOfTwoParentsFinishedAtOnceRunsExactlyOnce() throws Exception {
    String namespace = "join-" + UUID.randomUUID();
    RedisBackend backend = RedisBackend.on(client);
    Map<String, AtomicInteger> joins = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> queued = new ConcurrentHashMap<>();
    Set<String> finished = ConcurrentHashMap.newKeySet();
    SagaListener seen = new SagaListener() {
      @Override
      public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
        if (to == SagaStatus.FINISHED) {
          finished.add(sagaId);
        }
      }

      @Override
      public void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
        if (from == StepStatus.CREATED && to == StepStatus.QUEUED) {
          queued.computeIfAbsent(sagaId, s -> new AtomicInteger()).incrementAndGet();
        }
      }
    };
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Brokkr left = Brokkr.builder().namespace(namespace).listener(seen).build(backend);
        Brokkr right = Brokkr.builder().namespace(namespace).build(backend)) {
      right.registerWorker(Worker.sync("Join", inv -> joins.computeIfAbsent(inv.sagaId(), s -> new AtomicInteger())
          .incrementAndGet()));
      List<Saga> sagas = new ArrayList<>();
      List<SagaStep[]> parents = new ArrayList<>();
      for (int i = 0; i < SAGAS; i++) {
        Saga saga = left.createSaga();
        SagaStep a = saga.addStep("Remote", List.of());
        SagaStep b = saga.addStep("Remote", List.of());
        saga.addStep("Join", List.of(), List.of(a.getId(), b.getId()));
        saga.start();
        sagas.add(saga);
        parents.add(new SagaStep[] {a, b});
      }

      CyclicBarrier together = new CyclicBarrier(2);
      Future<Integer> fromLeft = threads.submit(() -> settle(left, sagas, parents, 0, together));
      Future<Integer> fromRight = threads.submit(() -> settle(right, sagas, parents, 1, together));
      assertEquals(SAGAS, fromLeft.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
      assertEquals(SAGAS, fromRight.get(PATIENCE_SECONDS, TimeUnit.SECONDS));

      for (Saga saga : sagas) {
        SagaOutcome outcome = saga.getOutcome().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals(SagaStatus.FINISHED, outcome.status());
      }
      assertEquals(SAGAS, joins.size());
      assertTrue(joins.values().stream().allMatch(count -> count.get() == 1), "a join ran twice: " + joins);
      // Events of a saga arrive in order: once its end is seen, so were all its queueings.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
      while (finished.size() < SAGAS && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      }
      assertEquals(SAGAS, finished.size());
      assertTrue(queued.values().stream().allMatch(count -> count.get() == 3), "parents and join queued once each: " + queued);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Finishes parent {@code which} of every saga, meeting the other thread before each. */
  private static int settle(Brokkr node, List<Saga> sagas, List<SagaStep[]> parents, int which, CyclicBarrier together)
      throws Exception {
    int settled = 0;
    for (int i = 0; i < sagas.size(); i++) {
      Saga saga = node.getSaga(sagas.get(i).getId()).orElseThrow();
      together.await(PATIENCE_SECONDS, TimeUnit.SECONDS);
      if (saga.stepFinished(parents.get(i)[which].getId(), which)) {
        settled++;
      }
    }
    return settled;
  }
}
