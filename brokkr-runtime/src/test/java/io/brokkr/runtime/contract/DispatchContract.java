package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepContext;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.TypeRef;
import io.brokkr.runtime.Worker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ready steps run on the node's pool, in parallel, with their dependencies' results. */
public interface DispatchContract extends ContractFixture {

  /** A part as a worker reads it from its args. */
  record Part(String kind, int size) {}

  @Test
  default void independentStepsRunInParallelAndAJoinGetsTheirResultsInDeclaredOrder() {
    Brokkr brokkr = node();
    CountDownLatch bothStarted = new CountDownLatch(2);
    AtomicReference<List<Object>> joined = new AtomicReference<>();
    brokkr.registerWorkers(
        Worker.sync("HammerHeadFactory", inv -> {
          bothStarted.countDown();
          await(bothStarted, "the handle to start while the head is made");
          return Map.of("headId", "head-" + inv.arg(0, String.class));
        }),
        Worker.sync("HandleFactory", inv -> {
          bothStarted.countDown();
          await(bothStarted, "the head to start while the handle is made");
          return Map.of("handleId", "handle-" + inv.arg(0, String.class));
        }),
        Worker.sync("HammerFactory", inv -> {
          joined.set(inv.dependencyResults());
          return "hammer";
        }));
    Saga saga = brokkr.createSaga();
    SagaStep head = saga.addStep("HammerHeadFactory", List.of("ThunderBestowed"));
    SagaStep handle = saga.addStep("HandleFactory", List.of("short"));
    SagaStep hammer = saga.addStep("HammerFactory", List.of(), List.of(head.getId(), handle.getId()));
    saga.start();

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.FINISHED, outcome.status());
    assertEquals(List.of(Map.of("headId", "head-ThunderBestowed"), Map.of("handleId", "handle-short")), joined.get());
    assertEquals("hammer", outcome.results().get(hammer.getId(), String.class));
    assertEquals(StepStatus.FINISHED, hammer.getStatus());
    assertEquals(List.of(head.getId(), handle.getId()), hammer.getDependsOn());
  }

  @Test
  default void dependencyResultsFollowTheDeclaredOrderNotTheOrderOfCompletion() {
    Brokkr brokkr = node();
    CountDownLatch secondDone = new CountDownLatch(1);
    AtomicReference<List<Object>> received = new AtomicReference<>();
    brokkr.registerWorkers(
        Worker.sync("Slow", inv -> {
          await(secondDone, "the fast step to finish first");
          return "slow";
        }),
        Worker.sync("Fast", inv -> "fast"),
        Worker.sync("Join", inv -> {
          received.set(inv.dependencyResults());
          return null;
        }));
    Saga saga = brokkr.createSaga();
    SagaStep slow = saga.addStep("Slow", List.of());
    SagaStep fast = saga.addStep("Fast", List.of());
    saga.addStep("Join", List.of(), List.of(slow.getId(), fast.getId()));
    saga.start();
    eventually("the fast step to finish", () -> fast.getStatus() == StepStatus.FINISHED);
    assertEquals(StepStatus.RUNNING, slow.getStatus());
    secondDone.countDown();

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(List.of("slow", "fast"), received.get());
  }

  @Test
  default void aWorkerMayAddStepsToItsRunningSagaWhichFinishesOnlyAfterThem() {
    Brokkr brokkr = node();
    List<String> made = Collections.synchronizedList(new ArrayList<>());
    brokkr.registerWorkers(
        Worker.sync("FanOut", inv -> {
          for (int i = 0; i < 3; i++) {
            SagaStep child = inv.saga().addStep("Child", List.of(i), List.of(inv.stepId()));
            assertEquals(StepStatus.CREATED, child.getStatus(), "waits for its parent to finish");
          }
          return "fanned";
        }),
        Worker.sync("Child", inv -> {
          made.add("child " + inv.arg(0, Integer.class) + " after " + inv.dependencyResult(0, String.class));
          return inv.arg(0, Integer.class);
        }));
    Saga saga = brokkr.createSaga();
    saga.addStep("FanOut", List.of());
    saga.start();

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.FINISHED, outcome.status());
    assertEquals(List.of("child 0 after fanned", "child 1 after fanned", "child 2 after fanned"),
        made.stream().sorted().toList());
    assertEquals(4, saga.getSteps().size());
    assertEquals(4, outcome.results().stepIds().size(), "every child's result is in the outcome");
  }

  @Test
  default void aStepAddedToARunningSagaWithoutDependenciesIsQueuedAtOnce() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    SagaStep remote = saga.addStep("Remote", List.of());
    saga.start();
    SagaStep late = saga.addStep("Remote", List.of());
    assertEquals(StepStatus.QUEUED, late.getStatus());
    assertTrue(saga.stepFinished(remote.getId()));
    assertEquals(SagaStatus.RUNNING, saga.getStatus(), "the late step is not settled yet");
    assertTrue(saga.stepFinished(late.getId()));
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
  }

  @Test
  default void aSagaWithoutStepsFinishesWhenStarted() {
    Saga saga = node().createSaga();
    assertEquals(SagaStatus.CREATED, saga.getStatus());
    saga.start();
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
  }

  @Test
  default void aQueuedStepWithoutAWorkerOnThisNodeWaitsAndMayBeFinishedFromOutside() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Local", inv -> "local"));
    Saga saga = brokkr.createSaga();
    SagaStep local = saga.addStep("Local", List.of());
    SagaStep remote = saga.addStep("Elsewhere", List.of("x"));
    saga.start();
    eventually("the local step to finish", () -> local.getStatus() == StepStatus.FINISHED);

    assertEquals(StepStatus.QUEUED, remote.getStatus());
    assertEquals(0, remote.getAttempt(), "nobody claimed it");
    assertEquals(SagaStatus.RUNNING, saga.getStatus(), "waiting is not failing");
    assertTrue(saga.stepFinished(remote.getId(), Map.of("done", true)));
    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.FINISHED, outcome.status());
    assertEquals(Map.of("done", true), outcome.results().get(remote.getId(), Map.class));
  }

  @Test
  default void anAsyncStepRunsUntilItIsFinishedFromAnotherThreadAsByAKafkaConsumer() throws Exception {
    Brokkr brokkr = node();
    BlockingQueue<Map<String, String>> topic = new LinkedBlockingQueue<>();
    AtomicReference<Object> hammerGot = new AtomicReference<>();
    brokkr.registerWorkers(
        Worker.async("HandleWorker", inv -> topic.add(Map.of("size", inv.arg(0, String.class),
            "sagaId", inv.sagaId(), "stepId", inv.stepId()))),
        Worker.sync("HammerFactory", inv -> {
          hammerGot.set(inv.dependencyResults().get(0));
          return null;
        }));
    Saga saga = brokkr.createSaga();
    SagaStep handle = saga.addStep("HandleWorker", List.of("short"));
    saga.addStep("HammerFactory", List.of(), List.of(handle.getId()));
    saga.start();

    Map<String, String> message = topic.poll(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    assertEquals("short", message.get("size"));
    AtomicReference<Boolean> settled = new AtomicReference<>();
    Thread consumer = new Thread(() -> {
      Saga same = brokkr.getSaga(message.get("sagaId")).orElseThrow();
      assertEquals(StepStatus.RUNNING, same.getStep(message.get("stepId")).orElseThrow().getStatus());
      settled.set(same.stepFinished(message.get("stepId"), Map.of("handleId", "h-1")));
    });
    consumer.start();
    consumer.join(PATIENCE.toMillis());

    assertEquals(Boolean.TRUE, settled.get());
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(Map.of("handleId", "h-1"), hammerGot.get());
  }

  @Test
  default void theNodesConcurrencyBoundsTheAttemptsRunningAtOnce() {
    Brokkr brokkr = node(b -> b.concurrency(2));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch twoRunning = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    brokkr.registerWorker(Worker.sync("Busy", inv -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      twoRunning.countDown();
      await(release, "the test to release the workers");
      running.decrementAndGet();
      return null;
    }));
    Saga saga = brokkr.createSaga();
    for (int i = 0; i < 6; i++) {
      saga.addStep("Busy", List.of(i));
    }
    saga.start();
    await(twoRunning, "two attempts to run");
    long queued = saga.getSteps().stream().filter(s -> s.getStatus() == StepStatus.QUEUED).count();
    assertEquals(4, queued, "the others wait for a thread");
    release.countDown();

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(2, most.get());
  }

  @Test
  default void aDuplicateOrLateCompletionIsANoOp() {
    Recorder recorder = new Recorder();
    Brokkr brokkr = node(b -> b.listener(recorder));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Remote", List.of());
    saga.start();

    assertTrue(saga.stepFinished(step.getId(), "first"));
    assertFalse(saga.stepFinished(step.getId(), "second"));
    assertFalse(saga.stepFailed(step.getId(), "too late"));
    assertFalse(await(saga.stepFinishedAsync(step.getId()).toCompletableFuture()));

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals("first", step.getResult(String.class).orElseThrow());
    assertEquals(java.util.Optional.empty(), step.getFailureReason());
    eventually("the saga's last transition", () -> recorder.of(saga.getId()).contains("saga RUNNING->FINISHED"));
    assertEquals(List.of("CREATED->QUEUED", "QUEUED->FINISHED"), recorder.ofStep(saga.getId(), step.getId()));
  }

  @Test
  default void aWorkerGetsTypedArgsItsAttemptAndAnIdempotencyKey() {
    Brokkr brokkr = node();
    AtomicReference<String> seen = new AtomicReference<>();
    brokkr.registerWorker(Worker.sync("Typed", inv -> {
      Part part = inv.arg(0, Part.class);
      List<Part> more = inv.arg(1, new TypeRef<List<Part>>() {});
      StepContext context = inv.context();
      seen.set(part + " " + more + " attempt " + inv.attempt() + " key " + context.idempotencyKey()
          + " raw " + inv.args().get(2));
      return new Part("hammer", part.size() + more.size());
    }));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Typed", List.of(new Part("head", 3), List.of(new Part("handle", 1)), "x"));
    saga.start();

    SagaOutcome outcome = outcome(saga);
    assertEquals("Part[kind=head, size=3] [Part[kind=handle, size=1]] attempt 1 key " + saga.getId() + ":" + step.getId()
        + " raw x", seen.get());
    assertEquals(new Part("hammer", 4), outcome.results().get(step.getId(), Part.class));
    assertEquals(List.of(Map.of("kind", "head", "size", 3), List.of(Map.of("kind", "handle", "size", 1)), "x"),
        step.getArgs(), "args are stored as JSON values");
  }

  @Test
  default void stoppedWorkersLeaveStepsQueuedUntilStartedAgain() {
    Brokkr brokkr = node();
    brokkr.stopWorkers();
    brokkr.registerWorker(Worker.sync("Later", inv -> "done"));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Later", List.of());
    saga.start();
    assertEquals(StepStatus.QUEUED, step.getStatus());
    assertFalse(saga.getOutcome().isDone());
    brokkr.startWorkers();
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(1, step.getAttempt());
  }

  @Test
  default void listenersSeeEverySagaAndStepTransitionInOrder() {
    Recorder recorder = new Recorder();
    Brokkr brokkr = node(b -> b.listener(recorder));
    brokkr.registerWorker(Worker.sync("W", inv -> null));
    Saga saga = brokkr.createSaga();
    SagaStep a = saga.addStep("W", List.of());
    SagaStep b = saga.addStep("W", List.of(), List.of(a.getId()));
    a.compensateWith("Undo", List.of());
    saga.start();
    outcome(saga);
    eventually("the saga's last transition", () -> recorder.of(saga.getId()).contains("saga RUNNING->FINISHED"));

    String comp = a.getCompensator().orElseThrow().getId();
    assertEquals(List.of("saga CREATED->RUNNING", a.getId() + " CREATED->QUEUED", a.getId() + " QUEUED->RUNNING",
        a.getId() + " RUNNING->FINISHED", b.getId() + " CREATED->QUEUED", b.getId() + " QUEUED->RUNNING",
        b.getId() + " RUNNING->FINISHED", comp + " WAITING_FOR_COMPENSATION->SKIPPED", "saga RUNNING->FINISHED"),
        recorder.of(saga.getId()));
  }

  @Test
  default void theOutcomeOfASettledSagaIsAvailableToEveryLaterCaller() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Remote", List.of());
    saga.start();
    saga.stepFinished(step.getId(), 42);
    SagaOutcome first = outcome(saga);
    Saga again = brokkr.getSaga(saga.getId()).orElseThrow();
    assertNotSame(saga, again);
    assertTrue(again.getOutcome().isDone(), "completed at once");
    assertEquals(first.status(), outcome(again).status());
    assertEquals(42, outcome(again).results().get(step.getId(), Integer.class));
    assertEquals(java.util.Optional.empty(), brokkr.getSaga("no-such-saga"));
  }
}
