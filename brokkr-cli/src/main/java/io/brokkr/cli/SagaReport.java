package io.brokkr.cli;

import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A saga as {@code brokkr show} prints it, and as its JSON reads (these field names are stable).
 *
 * @param namespace the saga's namespace
 * @param id the saga's id
 * @param status its status now
 * @param failure the step failure that made it compensate, once it settled after one
 * @param steps its steps in the order they were added, each with its compensator
 */
record SagaReport(String namespace, String id, SagaStatus status, Optional<Failure> failure, List<StepReport> steps) {

  /**
   * The failure that made a saga compensate.
   *
   * @param step the step that failed
   * @param reason why
   */
  record Failure(String step, String reason) {}

  /**
   * A step or a compensator.
   *
   * @param id the step's id
   * @param worker the worker that runs it
   * @param status its status now
   * @param attempts the number of its current or last attempt; 0 before the first
   * @param dependsOn the steps it runs after, in declared order
   * @param failureReason why it failed, or why its last attempt failed while it waits for a retry
   * @param compensator its compensator, if it has one
   */
  record StepReport(String id, String worker, StepStatus status, int attempts, List<String> dependsOn,
      Optional<String> failureReason, Optional<StepReport> compensator) {}

  static SagaReport of(String namespace, Saga saga) {
    SagaStatus status = saga.getStatus();
    List<SagaStep> steps = saga.getSteps();
    Set<String> compensators = new HashSet<>();
    steps.forEach(s -> s.getCompensator().ifPresent(c -> compensators.add(c.getId())));
    List<StepReport> shown = steps.stream().filter(s -> !compensators.contains(s.getId())).map(SagaReport::step).toList();
    return new SagaReport(namespace, saga.getId(), status, failure(saga, status), shown);
  }

  private static StepReport step(SagaStep step) {
    return new StepReport(step.getId(), step.getWorkerName(), step.getStatus(), step.getAttempt(), step.getDependsOn(),
        step.getFailureReason(), step.getCompensator().map(SagaReport::step));
  }

  /** A settled saga's outcome is read at once; a saga still going has none yet. */
  private static Optional<Failure> failure(Saga saga, SagaStatus status) {
    if (!status.isSettled()) {
      return Optional.empty();
    }
    CompletableFuture<SagaOutcome> outcome = saga.getOutcome();
    if (!outcome.isDone() || outcome.isCompletedExceptionally()) {
      outcome.cancel(false);
      return Optional.empty();
    }
    return outcome.join().failure().map(f -> new Failure(f.stepId(), f.reason()));
  }
}
