package io.brokkr.faults;

import io.brokkr.runtime.StepInvocation;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The workers of generated sagas. Each records its start and end in the ledger before it acts, with
 * the idempotency key the runtime handed it, so the ledger holds every effect even when the node
 * dies right after.
 *
 * <ul>
 *   <li>{@value #SYNC}: args {@code [behaviour]}; its return value finishes the step.
 *   <li>{@value #ASYNC}: args {@code [behaviour]}; a timer of the node settles the step later with
 *       {@code stepFinished} / {@code stepFailed}, and the ledger records whether the call was accepted.
 *   <li>{@value #UNDO}: the compensator, args {@code [compensated step id, behaviour]}.
 * </ul>
 */
public final class ChaosWorkers {
  public static final String SYNC = "fx.sync";
  public static final String ASYNC = "fx.async";
  public static final String UNDO = "fx.undo";

  private final LedgerWriter ledger;
  private final ScheduledExecutorService completer;

  public ChaosWorkers(LedgerWriter ledger, ScheduledExecutorService completer) {
    this.ledger = ledger;
    this.completer = completer;
  }

  /** The three workers. */
  public List<Worker> all() {
    return List.of(Worker.sync(SYNC, this::runSync), Worker.async(ASYNC, this::startAsync), Worker.sync(UNDO, this::undo));
  }

  private Object runSync(StepInvocation inv) throws Exception {
    Behaviour b = Behaviour.fromArg(inv.args().get(0));
    record(LedgerEvent.STEP_START, inv, null, null);
    if (b.hangMs() > 0 && inv.attempt() == 1) {
      hangIgnoringInterrupts(b.hangMs());
    }
    Thread.sleep(b.workMs());
    if (b.fails(inv.attempt())) {
      record(LedgerEvent.STEP_END, inv, false, "planned failure");
      throw new IllegalStateException("planned failure of attempt " + inv.attempt());
    }
    record(LedgerEvent.STEP_END, inv, true, null);
    return Map.of("by", ledger.node(), "attempt", inv.attempt());
  }

  private void startAsync(StepInvocation inv) {
    Behaviour b = Behaviour.fromArg(inv.args().get(0));
    record(LedgerEvent.STEP_START, inv, null, null);
    completer.schedule(() -> complete(inv, b, 0), b.workMs(), TimeUnit.MILLISECONDS);
  }

  private void complete(StepInvocation inv, Behaviour b, int tries) {
    boolean fail = b.fails(inv.attempt());
    if (tries == 0) {
      record(LedgerEvent.STEP_END, inv, !fail, fail ? "planned failure" : null);
    }
    try {
      boolean accepted = fail ? inv.saga().stepFailed(inv.stepId(), "planned failure")
          : inv.saga().stepFinished(inv.stepId(), Map.of("by", ledger.node(), "attempt", inv.attempt()));
      record(LedgerEvent.COMPLETE_CALL, inv, accepted, fail ? "stepFailed" : "stepFinished");
    } catch (RuntimeException e) {
      record(LedgerEvent.COMPLETE_CALL, inv, null, "error: " + e);
      if (tries < 3) {
        completer.schedule(() -> complete(inv, b, tries + 1), 500, TimeUnit.MILLISECONDS);
      }
    }
  }

  private Object undo(StepInvocation inv) throws Exception {
    String compensated = String.valueOf(inv.args().get(0));
    Behaviour b = Behaviour.fromArg(inv.args().get(1));
    record(LedgerEvent.COMPENSATE_START, inv, null, compensated);
    Thread.sleep(b.workMs());
    if (b.fails(inv.attempt())) {
      record(LedgerEvent.COMPENSATE_END, inv, false, compensated);
      throw new IllegalStateException("planned compensator failure of attempt " + inv.attempt());
    }
    record(LedgerEvent.COMPENSATE_END, inv, true, compensated);
    return null;
  }

  private void record(String kind, StepInvocation inv, Boolean ok, String detail) {
    ledger.append(kind, inv.sagaId(), inv.stepId(), inv.attempt(), inv.context().idempotencyKey(), ok, detail);
  }

  /** A step body that does not care about interrupts, as badly written user code does. */
  private static void hangIgnoringInterrupts(long ms) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (System.nanoTime() < end) {
      try {
        Thread.sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
      } catch (InterruptedException ignored) {
        // Swallowed on purpose: the body goes on and later reports its outcome.
      }
    }
  }
}
