package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A failure compensates the finished steps, each once, dependents first. */
public interface CompensationContract extends ContractFixture {

  /** A node whose "Ok" worker returns its first arg, "Fail" always fails, and "Undo" logs what it undoes. */
  private Brokkr compensatingNode(List<String> undone) {
    Brokkr brokkr = node();
    brokkr.registerWorkers(
        Worker.sync("Ok", inv -> inv.args().isEmpty() ? null : inv.args().get(0)),
        Worker.sync("Fail", inv -> {
          throw new IllegalStateException("broken");
        }),
        Worker.sync("Undo", inv -> {
          undone.add(inv.arg(0, String.class));
          return null;
        }));
    return brokkr;
  }

  @Test
  default void theHammerFailsTheHeadIsDestroyedWithItsResultAndTheHandleStays() {
    Brokkr brokkr = node();
    AtomicReference<String> destroyed = new AtomicReference<>();
    brokkr.registerWorkers(
        Worker.sync("HammerHeadFactory", inv -> Map.of("headId", "head-1")),
        Worker.sync("HandleFactory", inv -> Map.of("handleId", "handle-1")),
        Worker.sync("HammerFactory", inv -> {
          throw new IllegalStateException("the anvil cracked");
        }),
        Worker.sync("HammerHeadDestroyer", inv -> {
          destroyed.set(inv.arg(0, String.class) + " " + inv.dependencyResults());
          return null;
        }));
    Saga saga = brokkr.createSaga();
    SagaStep head = saga.addStep("HammerHeadFactory", List.of("ThunderBestowed"));
    SagaStep destroyer = head.compensateWith("HammerHeadDestroyer", List.of("anExampleArg"));
    SagaStep handle = saga.addStep("HandleFactory", List.of("short"));
    SagaStep hammer = saga.addStep("HammerFactory", List.of(), List.of(head.getId(), handle.getId()));
    saga.start();

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals(hammer.getId(), outcome.failure().orElseThrow().stepId());
    assertEquals("anExampleArg [{headId=head-1}]", destroyed.get());
    assertEquals(StepStatus.COMPENSATED, head.getStatus());
    assertEquals(StepStatus.FINISHED, destroyer.getStatus());
    assertEquals(StepStatus.FINISHED, handle.getStatus(), "no compensator: not rolled back");
    assertEquals(StepStatus.FAILED, hammer.getStatus());
    assertEquals(destroyer.getId(), head.getCompensator().orElseThrow().getId());
    assertEquals(List.of(head.getId()), destroyer.getDependsOn());
    assertEquals(List.of(Map.of("headId", "head-1")), destroyer.getDependencyResults());
  }

  @Test
  default void stepsThatNeverStartedAreSkippedAndNotCompensated() {
    List<String> undone = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = compensatingNode(undone);
    Saga saga = brokkr.createSaga();
    SagaStep first = saga.addStep("Fail", List.of());
    SagaStep second = saga.addStep("Ok", List.of("second"), List.of(first.getId()));
    SagaStep third = saga.addStep("Ok", List.of("third"), List.of(second.getId()));
    first.compensateWith("Undo", List.of("first"));
    SagaStep secondUndo = second.compensateWith("Undo", List.of("second"));
    third.compensateWith("Undo", List.of("third"));
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of(), undone);
    assertEquals(StepStatus.SKIPPED, second.getStatus());
    assertEquals(StepStatus.SKIPPED, third.getStatus());
    assertEquals(StepStatus.SKIPPED, secondUndo.getStatus());
    assertEquals(0, second.getAttempt());
  }

  @Test
  default void compensatorsRunInReverseDependencyOrder() {
    List<String> undone = Collections.synchronizedList(new ArrayList<>());
    List<String> tooEarly = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = compensatingNode(undone);
    brokkr.registerWorker(Worker.sync("CheckedUndo", inv -> {
      // When a compensator runs, every step that depends on its step must be compensated already.
      String compensated = inv.saga().getStep(inv.stepId()).orElseThrow().getDependsOn().get(0);
      for (SagaStep other : inv.saga().getSteps()) {
        if (other.getDependsOn().contains(compensated) && other.getCompensator().isPresent()
            && other.getStatus() != StepStatus.COMPENSATED) {
          tooEarly.add(inv.arg(0, String.class) + " before " + other.getId() + " (" + other.getStatus() + ")");
        }
      }
      undone.add(inv.arg(0, String.class));
      return null;
    }));
    Saga saga = brokkr.createSaga();
    SagaStep root = saga.addStep("Ok", List.of());
    SagaStep left = saga.addStep("Ok", List.of(), List.of(root.getId()));
    SagaStep right = saga.addStep("Ok", List.of(), List.of(root.getId()));
    SagaStep top = saga.addStep("Ok", List.of(), List.of(left.getId(), right.getId()));
    saga.addStep("Fail", List.of(), List.of(top.getId()));
    root.compensateWith("CheckedUndo", List.of("root"));
    left.compensateWith("CheckedUndo", List.of("left"));
    right.compensateWith("CheckedUndo", List.of("right"));
    top.compensateWith("CheckedUndo", List.of("top"));
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of(), tooEarly);
    assertEquals(4, undone.size(), undone.toString());
    assertEquals("top", undone.get(0));
    assertEquals(List.of("left", "right"), undone.subList(1, 3).stream().sorted().toList());
    assertEquals("root", undone.get(3));
    for (SagaStep step : List.of(root, left, right, top)) {
      assertEquals(StepStatus.COMPENSATED, step.getStatus());
    }
  }

  @Test
  default void aCompensatorWaitsForDependentsBehindAStepWithoutCompensator() {
    List<String> undone = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = compensatingNode(undone);
    Saga saga = brokkr.createSaga();
    SagaStep bottom = saga.addStep("Ok", List.of());
    SagaStep middle = saga.addStep("Ok", List.of(), List.of(bottom.getId()));
    SagaStep top = saga.addStep("Ok", List.of(), List.of(middle.getId()));
    saga.addStep("Fail", List.of(), List.of(top.getId()));
    bottom.compensateWith("Undo", List.of("bottom"));
    top.compensateWith("Undo", List.of("top"));
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of("top", "bottom"), undone);
    assertEquals(StepStatus.FINISHED, middle.getStatus());
  }

  @Test
  default void aStepStillRunningWhenTheSagaFailsIsCompensatedOnceItFinishes() {
    List<String> undone = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = compensatingNode(undone);
    brokkr.registerWorker(Worker.async("Async", inv -> {}));
    Saga saga = brokkr.createSaga();
    SagaStep running = saga.addStep("Async", List.of());
    running.compensateWith("Undo", List.of("running"));
    SagaStep queued = saga.addStep("Remote", List.of());
    queued.compensateWith("Undo", List.of("queued"));
    SagaStep other = saga.addStep("Remote", List.of());
    saga.start();
    eventually("the async step to run", () -> running.getStatus() == StepStatus.RUNNING);

    assertTrue(saga.stepFailed(other.getId(), "gone"));
    assertEquals(SagaStatus.COMPENSATING, saga.getStatus(), "waits for the running step");
    assertEquals(StepStatus.SKIPPED, queued.getStatus());
    assertEquals(StepStatus.RUNNING, running.getStatus());
    assertTrue(saga.stepFinished(running.getId(), "made it"));

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(StepStatus.COMPENSATED, running.getStatus());
    assertEquals(List.of("running"), undone);
  }

  @Test
  default void aStepStillRunningThatFailsAfterTheSagaFailedIsNotCompensated() {
    List<String> undone = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = compensatingNode(undone);
    brokkr.registerWorker(Worker.async("Async", inv -> {}));
    Saga saga = brokkr.createSaga();
    SagaStep running = saga.addStep("Async", List.of());
    running.compensateWith("Undo", List.of("running"));
    SagaStep other = saga.addStep("Remote", List.of());
    saga.start();
    eventually("the async step to run", () -> running.getStatus() == StepStatus.RUNNING);
    saga.stepFailed(other.getId(), "gone");
    assertTrue(saga.stepFailed(running.getId(), "also gone"));

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertEquals(other.getId(), outcome.failure().orElseThrow().stepId(), "the first failure is the saga's");
    assertEquals(List.of(), undone);
    assertEquals(StepStatus.SKIPPED, running.getCompensator().orElseThrow().getStatus());
  }

  @Test
  default void anAttemptThatFailsAfterCompensationBeganIsNotRetried() {
    Brokkr brokkr = node();
    CountDownLatch compensating = new CountDownLatch(1);
    brokkr.registerWorker(Worker.sync("LateFailure", inv -> {
      await(compensating, "the saga to compensate");
      throw new IllegalStateException("failed after the saga did");
    }));
    Saga saga = brokkr.createSaga();
    SagaStep running = saga.addStep("LateFailure", List.of());
    SagaStep other = saga.addStep("Remote", List.of());
    saga.start();
    eventually("the attempt to run", () -> running.getStatus() == StepStatus.RUNNING);
    saga.stepFailed(other.getId(), "gone");
    compensating.countDown();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(StepStatus.FAILED, running.getStatus());
    assertEquals(1, running.getAttempt(), "no new attempt once compensation began");
  }

  /**
   * A decision, not an accident: when a compensator fails for good, the steps its step depends on
   * stay FINISHED, because undoing a dependency under a step that is still done would be unsafe.
   */
  @Test
  default void aCompensatorThatKeepsFailingLeavesTheSagaFailedAndItsDependenciesAsTheyAre() {
    List<String> undone = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = compensatingNode(undone);
    AtomicInteger attempts = new AtomicInteger();
    brokkr.registerWorker(Worker.sync("BrokenUndo", inv -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("cannot undo");
    }));
    Saga saga = brokkr.createSaga();
    SagaStep bottom = saga.addStep("Ok", List.of());
    SagaStep top = saga.addStep("Ok", List.of(), List.of(bottom.getId()));
    SagaStep side = saga.addStep("Ok", List.of());
    saga.addStep("Fail", List.of(), List.of(top.getId(), side.getId()));
    bottom.compensateWith("Undo", List.of("bottom"));
    SagaStep topUndo = top.compensateWith("BrokenUndo", List.of());
    side.compensateWith("Undo", List.of("side"));
    saga.start();

    SagaOutcome outcome = outcome(saga);
    assertEquals(SagaStatus.FAILED, outcome.status());
    assertEquals(FAST.maxAttempts(), attempts.get(), "the compensator was retried per policy");
    assertEquals(StepStatus.FAILED, topUndo.getStatus());
    assertEquals(StepStatus.FAILED, top.getStatus());
    assertTrue(top.getFailureReason().orElseThrow().contains("cannot undo"), top.getFailureReason().get());
    assertEquals(List.of("side"), undone, "independent steps are still compensated");
    assertEquals(StepStatus.FINISHED, bottom.getStatus(), "not undone under a step that could not be undone");
  }

  @Test
  default void anAsyncCompensatorWithATimeoutThatIsNeverSettledFailsTheSaga() {
    Brokkr brokkr = compensatingNode(Collections.synchronizedList(new ArrayList<>()));
    brokkr.registerWorker(Worker.async("SilentUndo", inv -> {
      // Starts nothing: without its timeout the saga would stay COMPENSATING for ever.
    }));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Ok", List.of());
    SagaStep undo = step.compensateWith("SilentUndo", List.of(),
        StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofMillis(50)));
    saga.addStep("Fail", List.of(), List.of(step.getId()));
    saga.start();

    assertEquals(SagaStatus.FAILED, outcome(saga).status());
    assertEquals(StepStatus.FAILED, undo.getStatus());
    assertEquals(1, undo.getAttempt(), "the compensator's own retry policy applies");
    assertTrue(undo.getFailureReason().orElseThrow().contains("timed out"), undo.getFailureReason().get());
  }

  @Test
  default void aCompensatorMaySucceedOnARetry() {
    Brokkr brokkr = node();
    brokkr.registerWorkers(
        Worker.sync("Ok", inv -> "ok"),
        Worker.sync("Fail", inv -> {
          throw new IllegalStateException("broken");
        }),
        Worker.sync("FlakyUndo", inv -> {
          if (inv.attempt() == 1) {
            throw new IllegalStateException("try again");
          }
          return "undone";
        }));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Ok", List.of());
    SagaStep undo = step.compensateWith("FlakyUndo", List.of());
    saga.addStep("Fail", List.of(), List.of(step.getId()));
    saga.start();

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(2, undo.getAttempt());
    assertEquals(StepStatus.COMPENSATED, step.getStatus());
  }

  @Test
  default void aCompensatorWithoutAWorkerMayBeSettledFromOutside() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Ok", inv -> "ok"));
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Ok", List.of());
    SagaStep undo = step.compensateWith("ExternalUndo", List.of());
    SagaStep remote = saga.addStep("Remote", List.of(), List.of(step.getId()));
    saga.start();
    eventually("the remote step to be queued", () -> remote.getStatus() == StepStatus.QUEUED);
    saga.stepFailed(remote.getId(), "declined");
    assertEquals(StepStatus.QUEUED, undo.getStatus());
    assertEquals(StepStatus.COMPENSATING, step.getStatus());

    assertTrue(saga.stepFinished(undo.getId()));
    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(StepStatus.COMPENSATED, step.getStatus());
  }

  @Test
  default void aFinishedSagaSkipsItsCompensators() {
    List<String> undone = Collections.synchronizedList(new ArrayList<>());
    Brokkr brokkr = compensatingNode(undone);
    Saga saga = brokkr.createSaga();
    SagaStep step = saga.addStep("Ok", List.of("x"));
    SagaStep undo = step.compensateWith("Undo", List.of("x"));
    saga.start();

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(StepStatus.SKIPPED, undo.getStatus());
    assertEquals(StepStatus.FINISHED, step.getStatus());
    assertEquals(List.of(), undone);
  }
}
