package io.brokkr.faults;

/**
 * A broken rule, found by the {@link Checker}.
 *
 * @param rule which rule
 * @param saga the saga
 * @param step the step, or {@code -} for the saga as a whole
 * @param why what the ledger and the store show
 */
public record Violation(Rule rule, String saga, String step, String why) {

  /** The rules the checker holds a run to. */
  public enum Rule {
    /** A started saga is gone from the store. */
    LOST,
    /**
     * A transition its caller was told applied is not in the final store: an accepted
     * {@code stepFinished} whose result the step does not hold, or a saga acknowledged started that is
     * still CREATED.
     */
    ACKNOWLEDGED_LOST,
    /** The store holds another number of steps than the suite added (an addStep applied twice). */
    STEP_COUNT,
    /**
     * A call of the suite was refused for a change it had itself made: a re-sent {@code compensateWith}
     * that found its first copy applied ("has a compensator already").
     */
    WRONG_ANSWER,
    /** A saga is not FINISHED, COMPENSATED or FAILED after the system quiesced. */
    NOT_SETTLED,
    /** A worker got an idempotency key other than {@code sagaId:stepId}. */
    WRONG_KEY,
    /** A step started before one of its dependencies finished. */
    DEPENDENCY_ORDER,
    /** Two attempts of a step ran at once while the first still held its lease. */
    OVERLAP,
    /**
     * An attempt was claimed (a later attempt has a higher number) but no node ran it, with no fault
     * near that could lose a claim's reply for good: its node was told the claim failed.
     */
    LOST_CLAIM,
    /** A step's completion was accepted twice. */
    DOUBLE_COMPLETION,
    /** A step ran again after an attempt succeeded with no fault near it. */
    RERUN_AFTER_SUCCESS,
    /** A finished or possibly-done step of a compensated saga was never compensated. */
    MISSING_COMPENSATION,
    /** A step that never started was compensated. */
    COMPENSATED_NEVER_STARTED,
    /** A step's compensator ran before a dependent's compensator had completed. */
    COMPENSATION_ORDER,
    /** A step was claimed after its saga began to compensate. */
    CLAIM_AFTER_COMPENSATION,
    /** A compensator ran in a FINISHED saga. */
    COMPENSATED_FINISHED_SAGA,
    /** A saga FINISHED although a step of it never succeeded. */
    FINISHED_WITHOUT_SUCCESS;

    /**
     * Whether the rule is about writes the store lost: enforced only where the run's mode promises that
     * acknowledged writes survive ({@link SuiteConfig#promisesAcknowledged()}), else counted as information.
     */
    public boolean isLoss() {
      return this == LOST || this == ACKNOWLEDGED_LOST;
    }
  }

  @Override
  public String toString() {
    return rule + " saga " + saga + " step " + step + ": " + why;
  }
}
