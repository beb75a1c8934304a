package io.brokkr.runtime.spi;

import static io.brokkr.runtime.StepStatus.COMPENSATED;
import static io.brokkr.runtime.StepStatus.COMPENSATING;
import static io.brokkr.runtime.StepStatus.CREATED;
import static io.brokkr.runtime.StepStatus.FAILED;
import static io.brokkr.runtime.StepStatus.FINISHED;
import static io.brokkr.runtime.StepStatus.QUEUED;
import static io.brokkr.runtime.StepStatus.RUNNING;
import static io.brokkr.runtime.StepStatus.SKIPPED;
import static io.brokkr.runtime.StepStatus.WAITING_FOR_COMPENSATION;

import io.brokkr.runtime.StepStatus;
import java.util.Optional;

/**
 * The one table of legal step transitions. Steps start CREATED; compensators start
 * WAITING_FOR_COMPENSATION and, once needed, run like any other step.
 */
public enum StepTransition {
  /** Every dependency finished (or the saga started and it has none). */
  READY(CREATED, QUEUED),
  /** The saga compensates before the step was queued. */
  SKIP_CREATED(CREATED, SKIPPED),
  /** A node claimed an attempt. */
  CLAIM(QUEUED, RUNNING),
  /** Settled from outside before any node claimed it. */
  FINISH_QUEUED(QUEUED, FINISHED),
  /** Failed from outside before any node claimed it. */
  FAIL_QUEUED(QUEUED, FAILED),
  /** The saga compensates while the step waits for a node or its backoff. */
  SKIP_QUEUED(QUEUED, SKIPPED),
  /** The attempt (or a caller outside) finished it. */
  FINISH(RUNNING, FINISHED),
  /** The last attempt failed, or it was failed from outside. */
  FAIL(RUNNING, FAILED),
  /**
   * An attempt failed, timed out or lost its lease; another attempt follows after the backoff. Or
   * the attempt was handed back, uncounted, by a node that closes: claimable at once.
   */
  RETRY(RUNNING, QUEUED),
  /** The saga compensates: this finished step's compensator is queued. */
  COMPENSATE(FINISHED, COMPENSATING),
  /** The saga compensates: this failed but possibly done step's compensator is queued. */
  COMPENSATE_FAILED(FAILED, COMPENSATING),
  /** The saga compensates: this skipped but possibly done step's compensator is queued. */
  COMPENSATE_SKIPPED(SKIPPED, COMPENSATING),
  /** Its compensator finished. */
  COMPENSATED_BY(COMPENSATING, COMPENSATED),
  /** Its compensator failed for good. */
  COMPENSATION_FAILED(COMPENSATING, FAILED),
  /** A compensator is needed: its step finished and the saga compensates. */
  NEEDED(WAITING_FOR_COMPENSATION, QUEUED),
  /** A compensator is not needed: the saga finished, or its step never finished. */
  NOT_NEEDED(WAITING_FOR_COMPENSATION, SKIPPED),
  /** An operator retries this compensator, which failed for good: it is queued for a new attempt. */
  RETRIED(FAILED, QUEUED),
  /** An operator resolved this compensator, which failed for good, by hand. */
  RESOLVED(FAILED, FINISHED),
  /** An operator resolved this step's compensator, which failed for good, by hand. */
  RESOLVED_COMPENSATED(FAILED, COMPENSATED);

  /** The transitions, read once: {@code values()} copies its array on every call. */
  private static final StepTransition[] ALL = values();

  private final StepStatus from;
  private final StepStatus to;

  StepTransition(StepStatus from, StepStatus to) {
    this.from = from;
    this.to = to;
  }

  /** {@return the status before} */
  public StepStatus from() {
    return from;
  }

  /** {@return the status after} */
  public StepStatus to() {
    return to;
  }

  /**
   * {@return the transition from {@code from} to {@code to}}
   *
   * @param sagaId the saga of the step, named by the exception
   * @param stepId the step that moves, named by the exception
   * @param from its status now
   * @param to the status it should move to
   * @throws IllegalTransitionException naming saga and step when the table has no such transition
   */
  public static StepTransition of(String sagaId, String stepId, StepStatus from, StepStatus to) {
    for (StepTransition t : ALL) {
      if (t.from == from && t.to == to) {
        return t;
      }
    }
    throw new IllegalTransitionException(sagaId, Optional.of(stepId), from.name(), to.name());
  }
}
