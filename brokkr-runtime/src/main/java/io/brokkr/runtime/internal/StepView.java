package io.brokkr.runtime.internal;

import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A step as the API shows it: every getter reads the stored step. */
final class StepView implements SagaStep {
  private final Engine engine;
  private final String sagaId;
  private final String id;

  StepView(Engine engine, String sagaId, String id) {
    this.engine = engine;
    this.sagaId = sagaId;
    this.id = id;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getWorkerName() {
    return snapshot().spec().workerName();
  }

  @Override
  public StepStatus getStatus() {
    return snapshot().status();
  }

  @Override
  public List<String> getDependsOn() {
    return snapshot().spec().dependsOn();
  }

  @Override
  public List<@Nullable Object> getArgs() {
    return engine.json().values(engine.json().tree(snapshot().spec().argsJson()));
  }

  @Override
  public Optional<Object> getResult() {
    return snapshot().resultJson().map(r -> engine.json().value(r));
  }

  @Override
  public <T> Optional<T> getResult(Class<T> type) {
    return snapshot().resultJson()
        .map(r -> engine.json().read(r, type, () -> "the result of step \"" + id + "\""));
  }

  @Override
  public List<@Nullable Object> getDependencyResults() {
    SagaSnapshot saga = engine.load(sagaId);
    StepSnapshot step = find(saga);
    return engine.json().valuesOf(step.spec().dependsOn().stream()
        .map(d -> saga.step(d).flatMap(StepSnapshot::resultJson).orElse("null"))
        .toList());
  }

  @Override
  public int getAttempt() {
    return snapshot().attempt();
  }

  @Override
  public Optional<String> getFailureReason() {
    return snapshot().failureReason();
  }

  @Override
  public Optional<SagaStep> getCompensator() {
    return snapshot().compensator().map(c -> new StepView(engine, sagaId, c));
  }

  @Override
  public SagaStep compensateWith(String workerName, List<?> args) {
    return compensateWith(workerName, args, StepOptions.DEFAULTS);
  }

  @Override
  public SagaStep compensateWith(String workerName, List<?> args, StepOptions options) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(options, "options");
    StepSpec spec = new StepSpec(Steps.compensatorId(id), Steps.requireWorker(workerName), List.of(id),
        engine.json().encodeList(args, i -> "arg " + i + " of the compensator of step \"" + id + "\""),
        options.retry().orElse(engine.options().defaultRetry()), options.timeout());
    engine.changes().wake(Calls.store(() -> engine.store().addCompensator(sagaId, id, spec)));
    return new StepView(engine, sagaId, spec.stepId());
  }

  @Override
  public String toString() {
    return "Step " + id + " of saga " + sagaId;
  }

  private StepSnapshot snapshot() {
    return find(engine.load(sagaId));
  }

  private StepSnapshot find(SagaSnapshot saga) {
    return saga.step(id).orElseThrow(() -> new IllegalStateException("saga " + sagaId + " has no step \"" + id + "\""));
  }
}
