package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.StepSummary;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The saga API itself: its futures and its async variants. */
public interface SagaApiContract extends ContractFixture {

  private <T> T done(CompletionStage<T> stage) {
    return await(stage.toCompletableFuture());
  }

  @Test
  default void stepSummariesShowEveryStepAsItsGettersDo() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Head", inv -> "head"));
    brokkr.registerWorker(Worker.sync("Undo", inv -> "undone"));
    brokkr.registerWorker(Worker.sync("Hammer", inv -> {
      throw new IllegalStateException("cracked");
    }));
    Saga saga = brokkr.createSaga();
    SagaStep head = saga.addStep("Head", List.of(1));
    SagaStep undo = head.compensateWith("Undo", List.of());
    SagaStep hammer = saga.addStep("Hammer", List.of(), List.of(head.getId()),
        StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();
    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());

    List<StepSummary> summaries = saga.getStepSummaries();

    assertEquals(saga.getSteps().stream().map(SagaStep::getId).toList(),
        summaries.stream().map(StepSummary::stepId).toList());
    for (StepSummary summary : summaries) {
      SagaStep step = saga.getStep(summary.stepId()).orElseThrow();
      assertEquals(step.getWorkerName(), summary.workerName());
      assertEquals(step.getStatus(), summary.status());
      assertEquals(step.getDependsOn(), summary.dependsOn());
      assertEquals(step.getAttempt(), summary.attempt());
      assertEquals(step.getFailureReason(), summary.failureReason());
      assertEquals(step.getCompensator().map(SagaStep::getId), summary.compensator());
      assertEquals(Optional.empty(), summary.node(), "no attempt runs");
    }
    StepSummary compensator = summaries.stream().filter(s -> s.stepId().equals(undo.getId())).findFirst().orElseThrow();
    assertEquals(Optional.of(head.getId()), compensator.compensates());
    assertEquals(StepStatus.FAILED, summaries.stream().filter(s -> s.stepId().equals(hammer.getId())).findFirst()
        .orElseThrow().status());
  }

  @Test
  default void eachCallerGetsAnOutcomeFutureOfItsOwn() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    saga.addStep("Remote", List.of());
    CompletableFuture<SagaOutcome> mine = saga.getOutcome();
    assertTrue(mine.cancel(false));
    assertTrue(saga.getOutcome().completeExceptionally(new IllegalStateException("mine")),
        "a caller may complete its own future");

    CompletableFuture<SagaOutcome> yours = saga.getOutcome();
    assertFalse(yours.isDone(), "cancelling or completing one caller's future settles no other");
    SagaStep remote = saga.getSteps().get(0);
    saga.start();
    assertTrue(saga.stepFinished(remote.getId()));
    assertEquals(SagaStatus.FINISHED, await(yours).status());
    assertTrue(mine.isCancelled());
  }

  @Test
  default void theAsyncVariantsCompleteWhenTheStoreHasAppliedTheCall() {
    Brokkr brokkr = node();
    Saga saga = done(brokkr.createSagaAsync());
    assertEquals(SagaStatus.CREATED, saga.getStatus());
    SagaStep first = done(saga.addStepAsync("Remote", List.of("a")));
    SagaStep second = done(saga.addStepAsync("Remote", List.of("b"), List.of(first.getId())));
    SagaStep third = done(saga.addStepAsync("Remote", List.of("c"), List.of(first.getId())));
    done(saga.startAsync());
    assertEquals(StepStatus.QUEUED, first.getStatus());

    assertTrue(done(saga.stepFinishedAsync(first.getId(), "result of a")));
    assertFalse(done(saga.stepFinishedAsync(first.getId())), "a duplicate changes nothing");
    assertEquals(StepStatus.QUEUED, second.getStatus());
    assertTrue(done(saga.stepFinishedAsync(second.getId())));
    assertTrue(done(saga.stepFailedAsync(third.getId())));
    assertFalse(done(saga.stepFailedAsync(third.getId(), "again")), "a duplicate changes nothing");

    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals("result of a", first.getResult(String.class).orElseThrow());
    CompletionException bad = assertThrows(CompletionException.class,
        () -> saga.stepFailedAsync("no-such-step").toCompletableFuture().join());
    assertInstanceOf(IllegalArgumentException.class, bad.getCause());
  }
}
