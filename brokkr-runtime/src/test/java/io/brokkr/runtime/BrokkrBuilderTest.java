package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.SagaStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BrokkrBuilderTest {

  private static void rejects(Executable call, String quoted) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(quoted), e.getMessage() + " should quote " + quoted);
  }

  @Test
  void eachOptionIsCheckedWhenItIsSetAndTheBadValueIsQuoted() {
    BrokkrBuilder builder = Brokkr.builder();
    rejects(() -> builder.concurrency(0), "was 0");
    rejects(() -> builder.namespace(" "), "\" \"");
    rejects(() -> builder.nodeId(""), "\"\"");
    rejects(() -> builder.leaseDuration(Duration.ZERO), "0ms");
    rejects(() -> builder.defaultRetryPolicy(new RetryPolicy(0, Duration.ZERO, 1.0, Duration.ZERO)), "\"0\"");
    rejects(() -> builder.defaultRetryPolicy(new RetryPolicy(2, Duration.ofSeconds(2), 0.5, Duration.ofSeconds(1))), "0.5");
  }

  @Test
  void stepOptionsAreCheckedToo() {
    rejects(() -> StepOptions.DEFAULTS.withTimeout(Duration.ofMillis(-5)), "-5ms");
    rejects(() -> StepOptions.DEFAULTS.withRetry(new RetryPolicy(1, Duration.ofMillis(-1), 1.0, Duration.ZERO)), "-1ms");
    StepOptions options = StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofSeconds(3));
    assertEquals(RetryPolicy.NO_RETRY, options.retry().orElseThrow());
    assertEquals(Duration.ofSeconds(3), options.timeout().orElseThrow());
  }

  @Test
  void attemptsRunOnTheGivenExecutorUnderLeasesOfTheGivenClock() throws Exception {
    InMemoryBackend backend = InMemoryBackend.create();
    AtomicInteger tasks = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Executor counting = task -> {
      tasks.incrementAndGet();
      pool.execute(task);
    };
    // A clock a day ahead: the lease's end shows which clock the node used.
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
    CountDownLatch started = new CountDownLatch(1);
    try (Brokkr brokkr = Brokkr.builder().executor(counting).clock(ahead).leaseDuration(Duration.ofSeconds(30))
        .build(backend); SagaStore view = backend.open("brokkr")) {
      brokkr.registerWorker(Worker.async("Remote", inv -> started.countDown()));
      Saga saga = brokkr.createSaga();
      SagaStep step = saga.addStep("Remote", List.of());
      saga.start();
      assertTrue(started.await(20, TimeUnit.SECONDS));
      assertTrue(tasks.get() > 0, "the attempt ran on the given executor");
      Instant until = view.load(saga.getId()).orElseThrow().step(step.getId()).orElseThrow()
          .lease().orElseThrow().until();
      assertTrue(until.isAfter(Instant.now().plus(Duration.ofHours(23))), "lease until " + until);
      assertTrue(saga.stepFinished(step.getId()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theConvenienceFactoriesUseTheirNamespace() {
    try (Brokkr plain = Brokkr.inMemory(); Brokkr named = Brokkr.inMemory("hammers")) {
      assertEquals("brokkr", plain.namespace());
      assertEquals("hammers", named.namespace());
    }
  }
}
