package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A node that closes drains: it takes no new work, lets running attempts finish within its drain
 * timeout, hands the others back uncounted, and then refuses every call. Attempts its executor
 * rejects, or whose bodies ignore their timeout, cost neither an attempt nor the node's permits.
 */
public interface DrainContract extends ContractFixture {

  @Test
  default void closeLetsARunningAttemptFinish() {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Brokkr closing = node(b -> b.drainTimeout(PATIENCE));
    closing.registerWorker(Worker.sync("Forge", inv -> {
      running.countDown();
      release.await();
      return "forged";
    }));
    Saga saga = closing.createSaga();
    SagaStep step = saga.addStep("Forge", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();
    await(running, "the attempt to run");
    Thread releaser = new Thread(release::countDown);
    releaser.start();
    closing.close();

    Saga seen = node().getSaga(saga.getId()).orElseThrow();
    assertEquals(SagaStatus.FINISHED, outcome(seen).status(), "the attempt finished within the drain");
    assertEquals(1, seen.getStep(step.getId()).orElseThrow().getAttempt());
  }

  @Test
  default void aClosedNodeRefusesEveryCallAndWritesNothing() {
    Brokkr closed = node();
    Saga saga = closed.createSaga();
    closed.close();
    Brokkr observer = node();
    int before = observer.getSaga(saga.getId()).orElseThrow().getSteps().size();

    assertThrows(IllegalStateException.class, closed::createSaga);
    assertThrows(IllegalStateException.class, () -> closed.registerWorker(Worker.sync("W", inv -> null)));
    assertThrows(IllegalStateException.class, () -> closed.getSaga(saga.getId()));
    assertThrows(IllegalStateException.class, () -> closed.start(SagaTemplate.named("Once").step("once").worker("W").build(), Map.of()));
    assertThrows(IllegalStateException.class, () -> saga.addStep("W", List.of()));
    assertThrows(IllegalStateException.class, saga::start);
    assertEquals(before, observer.getSaga(saga.getId()).orElseThrow().getSteps().size());
    assertEquals(SagaStatus.CREATED, observer.getSaga(saga.getId()).orElseThrow().getStatus());
  }

  @Test
  default void anAttemptTheExecutorRejectsIsHandedBackNotFailed() {
    AtomicInteger rejections = new AtomicInteger(2);
    Executor pool = Executors.newCachedThreadPool();
    Executor rejectingAtFirst = task -> {
      if (rejections.getAndDecrement() > 0) {
        throw new RejectedExecutionException("busy");
      }
      pool.execute(task);
    };
    Brokkr brokkr = node(b -> b.executor(rejectingAtFirst));
    AtomicInteger ran = new AtomicInteger();
    brokkr.registerWorker(Worker.sync("Forge", inv -> ran.incrementAndGet()));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Forge", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(1, ran.get());
    assertEquals(1, step.getAttempt(), "rejected attempts are not counted");
  }

  @Test
  default void aBodyThatIgnoresItsTimeoutGivesItsPermitBack() {
    CountDownLatch otherRan = new CountDownLatch(1);
    AtomicBoolean stuckStillRunning = new AtomicBoolean(true);
    Brokkr brokkr = node(b -> b.concurrency(1));
    brokkr.registerWorkers(Worker.sync("Stuck", inv -> {
      // Ignores interrupts until the other step ran, bounded by the test's patience.
      long end = System.nanoTime() + PATIENCE.toNanos();
      while (otherRan.getCount() > 0 && System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      stuckStillRunning.set(false);
      return null;
    }), Worker.sync("Other", inv -> {
      boolean spinning = stuckStillRunning.get();
      otherRan.countDown();
      return spinning;
    }));
    Saga stuckSaga = brokkr.createSaga();
    SagaStep stuck = stuckSaga.addStep("Stuck", List.of(), List.of(),
        StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofMillis(100)));
    stuckSaga.start();
    assertEquals(SagaStatus.COMPENSATED, outcome(stuckSaga).status());
    assertEquals(StepStatus.FAILED, stuck.getStatus());

    // The node's one permit came back at the timeout, though the body still spins on its thread.
    Saga otherSaga = brokkr.createSaga();
    SagaStep other = otherSaga.addStep("Other", List.of());
    otherSaga.start();
    assertEquals(SagaStatus.FINISHED, outcome(otherSaga).status());
    assertEquals(Boolean.TRUE, other.getResult(Boolean.class).orElseThrow(), "ran while the stuck body spun");
  }
}
