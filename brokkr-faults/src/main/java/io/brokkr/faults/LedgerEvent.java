package io.brokkr.faults;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the ledger: something a process did or saw, with the wall time it happened.
 *
 * @param t wall time, epoch milliseconds (every process runs on this machine, so one clock)
 * @param node the node id, or {@code suite} for the process that runs the suite
 * @param pid the operating-system process id
 * @param kind what happened, one of the constants below
 * @param saga the saga, when the event concerns one
 * @param step the step (for a compensator, its own id), when the event concerns one
 * @param attempt the attempt number, 0 when unknown
 * @param key the idempotency key the runtime handed the worker
 * @param ok for an end: whether the body succeeded; for a completion call: whether it was accepted
 * @param detail free text: the compensated step of a compensator, a fault's target, a failure reason
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEvent(long t, String node, long pid, String kind, String saga, String step, int attempt,
    String key, Boolean ok, String detail) {

  public static final String STEP_START = "step-start";
  public static final String STEP_END = "step-end";
  public static final String COMPENSATE_START = "compensate-start";
  public static final String COMPENSATE_END = "compensate-end";
  /** An async step's completer called stepFinished or stepFailed; {@code ok} is the return value. */
  public static final String COMPLETE_CALL = "complete-call";
  public static final String SAGA_STARTED = "saga-started";
  /** Building or starting a saga failed; {@code detail} says why. */
  public static final String SAGA_ABANDONED = "saga-abandoned";
  public static final String FAULT_START = "fault-start";
  public static final String FAULT_END = "fault-end";
  public static final String NODE_UP = "node-up";
  public static final String NODE_DOWN = "node-down";

}
