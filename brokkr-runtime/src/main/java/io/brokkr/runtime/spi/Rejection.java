package io.brokkr.runtime.spi;

/**
 * Why a store refused an operation; the operation changed nothing. A store reports the reason and
 * its details, and this catalog words the message, so every store says the same thing.
 */
public enum Rejection {
  /** Details: namespace. */
  NO_SUCH_SAGA(false, "no saga %s in namespace \"%s\""),
  /** Details: step id. */
  NO_SUCH_STEP(true, "saga %s has no step \"%s\""),
  /** Details: none. */
  SAGA_EXISTS(true, "saga %s exists already"),
  /** Details: step id. */
  DUPLICATE_STEP(true, "saga %s has a step \"%s\" already; step ids are unique within a saga"),
  /** Details: step id, dependency id. */
  UNKNOWN_DEPENDENCY(true, "saga %s: step \"%s\" depends on \"%s\", which is not a step of this saga"),
  /** Details: step id, dependency id. */
  DUPLICATE_DEPENDENCY(true, "saga %s: step \"%s\" lists dependency \"%s\" twice"),
  /** Details: step id, dependency id. */
  DEPENDENCY_ON_COMPENSATOR(true,
      "saga %s: step \"%s\" depends on \"%s\", which is a compensator; depend on the step it compensates"),
  /** Details: saga status. */
  SAGA_CLOSED(false, "saga %s is %s; steps can be added only while it is CREATED or RUNNING"),
  /** Details: saga status. */
  NOT_CREATED(false, "saga %s is %s; only a CREATED saga can be started"),
  /** Details: step id, compensator id. */
  COMPENSATOR_EXISTS(false, "saga %s: step \"%s\" has a compensator already (\"%s\")"),
  /** Details: step id. */
  COMPENSATOR_OF_COMPENSATOR(true, "saga %s: step \"%s\" is a compensator; a compensator has no compensator"),
  /** Details: step id, step status. */
  NOT_STARTED(false, "saga %s: step \"%s\" is %s; only a QUEUED or RUNNING step can be settled"),
  /** Details: saga status (an operator cancelled a saga that was never started). */
  NOT_RUNNING(false, "saga %s is %s; only a RUNNING saga can be cancelled"),
  /** Details: saga status (an operator retried a saga where nothing failed for good). */
  NOT_FAILED(false, "saga %s is %s; only a FAILED saga can be retried"),
  /** Details: step id, step status, saga status. */
  NOT_RESOLVABLE(false, "saga %s: step \"%s\" is %s while the saga is %s; an operator resolves a QUEUED or RUNNING "
      + "step, or a compensator that failed in a FAILED saga");

  private final boolean badArgument;
  private final String format;

  Rejection(boolean badArgument, String format) {
    this.badArgument = badArgument;
    this.format = format;
  }

  /**
   * {@return whether the caller passed something wrong (an {@link IllegalArgumentException}) rather than
   * calling at the wrong time (an {@link IllegalStateException})}
   */
  public boolean isBadArgument() {
    return badArgument;
  }

  /**
   * {@return the exception for saga {@code sagaId} with this reason's details}
   *
   * @param sagaId the saga the refused operation was about
   * @param details the values this reason's message names, in the order its constant's comment lists
   */
  public StoreRejectedException of(String sagaId, Object... details) {
    Object[] all = new Object[details.length + 1];
    all[0] = sagaId;
    System.arraycopy(details, 0, all, 1, details.length);
    return new StoreRejectedException(this, String.format(format, all));
  }
}
