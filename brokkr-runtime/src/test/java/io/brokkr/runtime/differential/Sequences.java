package io.brokkr.runtime.differential;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls as the shrinker prints them ({@link Call#toString}): with these static imports a
 * printed minimal sequence compiles as it is, to become a test.
 */
final class Sequences {
  private Sequences() {}

  static Call cancel(String sagaId, String reason) {
    return new Call.Cancel(sagaId, reason);
  }

  static Call createSaga(String sagaId) {
    return new Call.CreateSaga(sagaId, Optional.empty());
  }

  static Call createSaga(String sagaId, String name) {
    return new Call.CreateSaga(sagaId, Optional.of(name));
  }

  static Call addStep(String sagaId, StepSpec step) {
    return new Call.AddStep(sagaId, step);
  }

  static Call addCompensator(String sagaId, String stepId, StepSpec compensator) {
    return new Call.AddCompensator(sagaId, stepId, compensator);
  }

  static Call start(String sagaId) {
    return new Call.Start(sagaId);
  }

  static Call createAndStart(SagaDraft draft) {
    return new Call.CreateAndStart(draft);
  }

  static Call createStartAndClaim(SagaDraft draft, ClaimRequest next, int max) {
    return new Call.CreateStartAndClaim(draft, next, max);
  }

  static Call claimNext(String workerName, String nodeId, Instant now, Duration lease) {
    return new Call.ClaimNext(workerName, nodeId, now, lease);
  }

  static Call heartbeat(StepRef step, long token, Instant until) {
    return new Call.Heartbeat(step, token, until);
  }

  static Call finish(StepRef step, Settler by, Optional<String> resultJson) {
    return new Call.Finish(step, by, resultJson);
  }

  static Call finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next) {
    return finishAndClaim(step, by, resultJson, next, 1);
  }

  static Call finishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next, int max) {
    return new Call.FinishAndClaim(step, by, resultJson, next, max);
  }

  static Call fail(StepRef step, Settler by, String reason, Instant now) {
    return new Call.Fail(step, by, reason, "", now);
  }

  static Call failUnknown(StepRef step, long token, String reason, Instant now) {
    return new Call.FailUnknown(step, token, reason, now);
  }

  static Call handBack(StepRef step, long token, boolean mayHaveRun) {
    return new Call.HandBack(step, token, mayHaveRun);
  }

  static Call park(StepRef step, long token) {
    return new Call.Park(step, token);
  }

  static Call requeue(StepRef step) {
    return new Call.Requeue(step);
  }

  static Call fireDue(Instant now) {
    return new Call.FireDue(now);
  }

  static SagaDraft draft(String sagaId, List<StepSpec> steps, Map<String, StepSpec> compensators, String name) {
    return new SagaDraft(sagaId, steps, compensators, Optional.of(name));
  }

  static SagaDraft draft(String sagaId, List<StepSpec> steps, Map<String, StepSpec> compensators) {
    return new SagaDraft(sagaId, steps, compensators);
  }

  /** Compensators by step id, in the order given: the order they are added. */
  static Map<String, StepSpec> compensators(Object... stepIdsAndSpecs) {
    Map<String, StepSpec> compensators = new LinkedHashMap<>();
    for (int i = 0; i < stepIdsAndSpecs.length; i += 2) {
      compensators.put((String) stepIdsAndSpecs[i], (StepSpec) stepIdsAndSpecs[i + 1]);
    }
    return compensators;
  }

  static StepSpec step(String stepId, String workerName, List<String> dependsOn, String argsJson, RetryPolicy retry,
      Optional<Duration> timeout) {
    return new StepSpec(stepId, workerName, dependsOn, argsJson, retry, timeout);
  }

  static RetryPolicy retry(int maxAttempts, long initialBackoffMillis, double multiplier, long maxBackoffMillis) {
    return new RetryPolicy(maxAttempts, Duration.ofMillis(initialBackoffMillis), multiplier,
        Duration.ofMillis(maxBackoffMillis));
  }

  static Instant at(long millisAfterT0) {
    return Call.T0.plusMillis(millisAfterT0);
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  static StepRef ref(String sagaId, String stepId) {
    return new StepRef(sagaId, stepId);
  }

  static Settler attempt(long token) {
    return Settler.attempt(token);
  }

  static Settler external() {
    return Settler.external();
  }
}
