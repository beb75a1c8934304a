package io.brokkr.faults;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import java.util.List;
import java.util.Optional;

/**
 * A saga as the store holds it once the run is over, reduced to what the checker needs.
 *
 * @param id the saga id
 * @param status its status
 * @param steps its forward steps (compensators are reached through them), in the order they were added
 */
public record SagaSnapshot(String id, SagaStatus status, List<StepSnapshot> steps) {

  /**
   * One forward step.
   *
   * @param id the step id
   * @param worker its worker
   * @param status its status
   * @param deps its dependencies
   * @param compensator its compensator's id, if it has one
   * @param compensatorStatus the compensator's status, if it has one
   * @param behaviour what its attempts were told to do
   * @param attempts how many attempts the store granted (a granted attempt's body may never have run)
   * @param result the step's stored result, once it finished with one
   */
  public record StepSnapshot(String id, String worker, StepStatus status, List<String> deps,
      Optional<String> compensator, Optional<StepStatus> compensatorStatus, Behaviour behaviour, int attempts,
      Optional<Object> result) {}

  /** Reads a saga, retrying while the store does not answer; empty when the store has no such saga. */
  static Optional<SagaSnapshot> read(Brokkr brokkr, String sagaId) {
    RuntimeException last = null;
    for (int tries = 0; tries < 20; tries++) {
      try {
        return brokkr.getSaga(sagaId).map(SagaSnapshot::of);
      } catch (RuntimeException e) {
        last = e;
        Pause.millis(250);
      }
    }
    throw last;
  }

  private static SagaSnapshot of(Saga saga) {
    List<StepSnapshot> steps = saga.getSteps().stream()
        .filter(s -> !s.getWorkerName().equals(ChaosWorkers.UNDO))
        .map(s -> {
          Optional<SagaStep> undo = s.getCompensator();
          return new StepSnapshot(s.getId(), s.getWorkerName(), s.getStatus(), s.getDependsOn(),
              undo.map(SagaStep::getId), undo.map(SagaStep::getStatus), Behaviour.fromArg(s.getArgs().get(0)),
              s.getAttempt(), s.getResult());
        })
        .toList();
    return new SagaSnapshot(saga.getId(), saga.getStatus(), steps);
  }
}
