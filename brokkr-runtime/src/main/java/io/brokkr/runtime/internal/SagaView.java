package io.brokkr.runtime.internal;

import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaActions;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.SagaSummary;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.StepSummary;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A saga as the API shows it: every call reads or changes the stored saga. */
final class SagaView implements Saga {
  private static final String NO_REASON = "failed from outside without a reason";

  private final Engine engine;
  private final String id;

  SagaView(Engine engine, String id) {
    this.engine = engine;
    this.id = id;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public SagaStatus getStatus() {
    return engine.load(id).status();
  }

  @Override
  public boolean cancel(String reason) {
    return actingAs(OperatorActions.defaultAuthor()).cancel(reason);
  }

  @Override
  public boolean retry() {
    return actingAs(OperatorActions.defaultAuthor()).retry();
  }

  @Override
  public boolean resolve(String stepId, String note) {
    return actingAs(OperatorActions.defaultAuthor()).resolve(stepId, note);
  }

  @Override
  public SagaActions actingAs(String author) {
    return new OperatorActions(engine, id, author);
  }

  @Override
  public List<HistoryEntry> getHistory() {
    return Calls.store(() -> engine.store().history(id));
  }

  @Override
  public Optional<String> getName() {
    return engine.load(id).name();
  }

  @Override
  public SagaSummary getSummary() {
    return engine.load(id).summary();
  }

  @Override
  public SagaStep addStep(String workerName, List<?> args) {
    return addStep(workerName, args, List.of(), StepOptions.DEFAULTS);
  }

  @Override
  public SagaStep addStep(String workerName, List<?> args, List<String> dependsOnStepIds) {
    return addStep(workerName, args, dependsOnStepIds, StepOptions.DEFAULTS);
  }

  @Override
  public SagaStep addStep(String workerName, List<?> args, List<String> dependsOnStepIds, StepOptions options) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(dependsOnStepIds, "dependsOnStepIds");
    Objects.requireNonNull(options, "options");
    StepSpec spec = new StepSpec(RandomIds.uuid(), Steps.requireWorker(workerName),
        List.copyOf(dependsOnStepIds),
        engine.json().encodeList(args, i -> "arg " + i + " of the new step of worker \"" + workerName + "\""),
        options.retry().orElse(engine.options().defaultRetry()), options.timeout());
    engine.changes().wake(Calls.store(() -> engine.store().addStep(id, spec)));
    return new StepView(engine, id, spec.stepId());
  }

  @Override
  public void start() {
    engine.changes().wake(Calls.store(() -> engine.store().start(id)));
    engine.observer().started(id);
  }

  @Override
  public boolean stepFinished(String stepId) {
    return finish(stepId, Settler.external(), Optional.empty());
  }

  @Override
  public boolean stepFinished(String stepId, Object result) {
    return finish(stepId, Settler.external(), Optional.of(Objects.requireNonNull(result, "result")));
  }

  @Override
  public boolean stepFailed(String stepId) {
    return stepFailed(stepId, NO_REASON);
  }

  @Override
  public boolean stepFailed(String stepId, String reason) {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(reason, "reason");
    StepRef ref = new StepRef(id, stepId);
    return settled(ref, Calls.store(
        () -> engine.store().fail(ref, Settler.external(), reason, engine.options().clock().instant())));
  }

  @Override
  public boolean attemptFinished(String stepId, long fencingToken) {
    return finish(stepId, Settler.attempt(fencingToken), Optional.empty());
  }

  @Override
  public boolean attemptFinished(String stepId, long fencingToken, Object result) {
    return finish(stepId, Settler.attempt(fencingToken), Optional.of(Objects.requireNonNull(result, "result")));
  }

  @Override
  public boolean attemptFailed(String stepId, long fencingToken, String reason) {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(reason, "reason");
    StepRef ref = new StepRef(id, stepId);
    return settled(ref, Calls.store(() -> engine.store().fail(ref, Settler.attempt(fencingToken), reason,
        engine.options().clock().instant())));
  }

  @Override
  public List<SagaStep> getSteps() {
    return engine.load(id).steps().stream().<SagaStep>map(s -> new StepView(engine, id, s.stepId())).toList();
  }

  @Override
  public List<StepSummary> getStepSummaries() {
    return engine.load(id).steps().stream().map(SagaView::summary).toList();
  }

  private static StepSummary summary(StepSnapshot step) {
    // The lease of a settled attempt may linger in the snapshot: only a running one has a node.
    Optional<Lease> lease = step.status() == StepStatus.RUNNING ? step.lease() : Optional.empty();
    return new StepSummary(step.stepId(), step.spec().workerName(), step.status(), step.spec().dependsOn(),
        step.compensates(), step.compensator(), step.attempt(), step.failureReason(), step.failureDetail(),
        step.possiblyDone(),
        lease.map(Lease::owner), lease.map(Lease::until));
  }

  @Override
  public Optional<SagaStep> getStep(String stepId) {
    Objects.requireNonNull(stepId, "stepId");
    return engine.load(id).step(stepId).map(s -> new StepView(engine, id, s.stepId()));
  }

  @Override
  public CompletableFuture<SagaOutcome> getOutcome() {
    // A copy: a caller that completes or cancels its future must not settle it for everyone.
    return engine.outcomes().of(id).copy();
  }

  @Override
  public CompletionStage<SagaStep> addStepAsync(String workerName, List<?> args) {
    return Calls.async(() -> addStep(workerName, args));
  }

  @Override
  public CompletionStage<SagaStep> addStepAsync(String workerName, List<?> args, List<String> dependsOnStepIds) {
    return Calls.async(() -> addStep(workerName, args, dependsOnStepIds));
  }

  @Override
  public CompletionStage<Void> startAsync() {
    return Calls.async(() -> {
      start();
      return null;
    });
  }

  @Override
  public CompletionStage<Boolean> stepFinishedAsync(String stepId, Object result) {
    return Calls.async(() -> stepFinished(stepId, result));
  }

  @Override
  public CompletionStage<Boolean> stepFinishedAsync(String stepId) {
    return Calls.async(() -> stepFinished(stepId));
  }

  @Override
  public CompletionStage<Boolean> stepFailedAsync(String stepId) {
    return Calls.async(() -> stepFailed(stepId));
  }

  @Override
  public CompletionStage<Boolean> stepFailedAsync(String stepId, String reason) {
    return Calls.async(() -> stepFailed(stepId, reason));
  }

  @Override
  public String toString() {
    return "Saga " + id;
  }

  private boolean finish(String stepId, Settler by, Optional<Object> result) {
    Objects.requireNonNull(stepId, "stepId");
    StepRef ref = new StepRef(id, stepId);
    Optional<String> json = result.map(r -> engine.json().encode(r, () -> "the result of step \"" + stepId + "\""));
    return settled(ref, Calls.store(() -> engine.store().finish(ref, by, json)));
  }

  private boolean settled(StepRef ref, Change change) {
    return engine.changes().apply(ref, change).applied();
  }
}
