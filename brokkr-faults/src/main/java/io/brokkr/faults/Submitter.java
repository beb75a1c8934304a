package io.brokkr.faults;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds and starts the sagas of plans through the suite's own node, which talks to Redis directly
 * (no proxy) but lives through the Redis faults. A saga whose building failed is abandoned (never
 * started, so no rule applies to it); a start that failed is checked by reading the saga back.
 */
final class Submitter {
  private final Brokkr brokkr;
  private final LedgerWriter ledger;
  private final List<String> started = new ArrayList<>();

  Submitter(Brokkr brokkr, LedgerWriter ledger) {
    this.brokkr = brokkr;
    this.ledger = ledger;
  }

  /** The sagas started so far, in order. */
  synchronized List<String> started() {
    return List.copyOf(started);
  }

  /** Builds and starts one saga; records it in the ledger once it is known to have started. */
  void submit(SagaPlan plan) {
    Saga saga = null;
    try {
      saga = brokkr.createSaga();
      List<String> ids = new ArrayList<>();
      for (SagaPlan.StepPlan step : plan.steps()) {
        StepOptions options = step.timeoutMs() > 0
            ? StepOptions.DEFAULTS.withTimeout(Duration.ofMillis(step.timeoutMs())) : StepOptions.DEFAULTS;
        SagaStep added = saga.addStep(step.worker(), List.of(step.behaviour().toArg()),
            step.deps().stream().map(ids::get).toList(), options);
        ids.add(added.getId());
        if (step.undo().isPresent()) {
          added.compensateWith(ChaosWorkers.UNDO, List.of(added.getId(), step.undo().get().toArg()));
        }
      }
    } catch (RuntimeException e) {
      abandon(saga == null ? null : saga.getId(), "building: " + e);
      return;
    }
    try {
      saga.start();
    } catch (RuntimeException e) {
      if (!startedAfterAll(saga.getId())) {
        abandon(saga.getId(), "starting: " + e);
        return;
      }
    }
    ledger.append(LedgerEvent.SAGA_STARTED, saga.getId(), null, 0, null, null, plan.steps().size() + " steps");
    synchronized (this) {
      started.add(saga.getId());
    }
  }

  private void abandon(String sagaId, String why) {
    ledger.append(LedgerEvent.SAGA_ABANDONED, sagaId, null, 0, null, null, why.length() > 300 ? why.substring(0, 300) : why);
  }

  /** Whether a start that threw was applied anyway, reading the saga back until Redis answers. */
  private boolean startedAfterAll(String sagaId) {
    for (int tries = 0; tries < 30; tries++) {
      try {
        Optional<Saga> saga = brokkr.getSaga(sagaId);
        return saga.isPresent() && saga.get().getStatus() != SagaStatus.CREATED;
      } catch (RuntimeException e) {
        Pause.millis(500);
      }
    }
    return false;
  }
}
