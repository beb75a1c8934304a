package io.brokkr.runtime.spi;

import static io.brokkr.runtime.SagaStatus.COMPENSATED;
import static io.brokkr.runtime.SagaStatus.COMPENSATING;
import static io.brokkr.runtime.SagaStatus.CREATED;
import static io.brokkr.runtime.SagaStatus.FAILED;
import static io.brokkr.runtime.SagaStatus.FINISHED;
import static io.brokkr.runtime.SagaStatus.RUNNING;

import io.brokkr.runtime.SagaStatus;
import java.util.Optional;

/** The one table of legal saga transitions; every store moves a saga only along these. */
public enum SagaTransition {
  /** {@code start()}: the steps without dependencies are queued. */
  START(CREATED, RUNNING),
  /** Every step finished. */
  FINISH(RUNNING, FINISHED),
  /** A step failed for good: the finished steps are compensated. */
  COMPENSATE(RUNNING, COMPENSATING),
  /** Every finished step that has a compensator was compensated. */
  COMPENSATED_ALL(COMPENSATING, COMPENSATED),
  /** A compensator failed for good. */
  COMPENSATION_FAILED(COMPENSATING, FAILED),
  /** An operator retried or resolved a compensator that failed for good: compensation goes on. */
  RESUME(FAILED, COMPENSATING);

  /** The transitions, read once: {@code values()} copies its array on every call. */
  private static final SagaTransition[] ALL = values();

  private final SagaStatus from;
  private final SagaStatus to;

  SagaTransition(SagaStatus from, SagaStatus to) {
    this.from = from;
    this.to = to;
  }

  /** {@return the status before} */
  public SagaStatus from() {
    return from;
  }

  /** {@return the status after} */
  public SagaStatus to() {
    return to;
  }

  /**
   * {@return the transition from {@code from} to {@code to}}
   *
   * @param sagaId the saga that moves, named by the exception
   * @param from its status now
   * @param to the status it should move to
   * @throws IllegalTransitionException naming the saga when the table has no such transition
   */
  public static SagaTransition of(String sagaId, SagaStatus from, SagaStatus to) {
    for (SagaTransition t : ALL) {
      if (t.from == from && t.to == to) {
        return t;
      }
    }
    throw new IllegalTransitionException(sagaId, Optional.empty(), from.name(), to.name());
  }
}
