package io.brokkr.runtime.contract;

import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every transition of the sagas it was told about against the runtime's invariants, and
 * collects what it finds instead of throwing (listeners must not throw):
 *
 * <ul>
 *   <li>no step is queued or starts before its dependencies finished, nor after compensation began;
 *   <li>a compensator is queued only for a step that finished, and only once the steps depending on
 *       it are undone; it succeeds at most once;
 *   <li>every saga ends FINISHED (exactly when no step was doomed), COMPENSATED or FAILED (exactly
 *       when a compensator failed), with every step settled.
 * </ul>
 */
final class Invariants implements SagaListener {
  private static final Set<StepStatus> SETTLED_STEP = EnumSet.of(StepStatus.FINISHED, StepStatus.FAILED,
      StepStatus.SKIPPED, StepStatus.COMPENSATED);
  private static final Set<StepStatus> SETTLED_COMPENSATOR = EnumSet.of(StepStatus.FINISHED, StepStatus.FAILED,
      StepStatus.SKIPPED);

  /** What is known of one saga; guarded by itself. */
  private static final class Shape {
    final Map<String, List<String>> dependsOn = new HashMap<>();
    final Map<String, List<String>> dependents = new HashMap<>();
    final Map<String, String> compensatorOf = new HashMap<>();
    final Map<String, String> compensates = new HashMap<>();
    final Map<String, StepStatus> status = new HashMap<>();
    final Set<String> everFinished = new HashSet<>();
    final Map<String, Integer> compensatorSuccesses = new HashMap<>();
    SagaStatus sagaStatus = SagaStatus.CREATED;
  }

  private final Map<String, Shape> sagas = new ConcurrentHashMap<>();
  private final List<String> violations = new ArrayList<>();

  void step(String sagaId, String stepId, List<String> dependsOn) {
    Shape shape = sagas.computeIfAbsent(sagaId, id -> new Shape());
    synchronized (shape) {
      shape.dependsOn.put(stepId, dependsOn);
      shape.status.put(stepId, StepStatus.CREATED);
      dependsOn.forEach(d -> shape.dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(stepId));
    }
  }

  void compensator(String sagaId, String compensatorId, String stepId) {
    Shape shape = sagas.get(sagaId);
    synchronized (shape) {
      shape.compensatorOf.put(stepId, compensatorId);
      shape.compensates.put(compensatorId, stepId);
      shape.status.put(compensatorId, StepStatus.WAITING_FOR_COMPENSATION);
    }
  }

  void compensatorSucceeded(String sagaId, String compensatorId) {
    Shape shape = sagas.get(sagaId);
    synchronized (shape) {
      if (shape.compensatorSuccesses.merge(compensatorId, 1, Integer::sum) > 1) {
        violation(sagaId, "compensator " + compensatorId + " succeeded more than once");
      }
    }
  }

  @Override
  public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
    Shape shape = sagas.get(sagaId);
    if (shape == null) {
      return;
    }
    synchronized (shape) {
      shape.sagaStatus = to;
    }
  }

  @Override
  public void onStepTransition(String sagaId, String stepId, StepStatus from, StepStatus to) {
    Shape shape = sagas.get(sagaId);
    if (shape == null) {
      return;
    }
    synchronized (shape) {
      if (shape.status.get(stepId) != from) {
        violation(sagaId, stepId + " moved from " + from + " but was " + shape.status.get(stepId));
      }
      String compensated = shape.compensates.get(stepId);
      if (compensated == null) {
        checkAction(sagaId, shape, stepId, from, to);
      } else {
        checkCompensator(sagaId, shape, stepId, compensated, to);
      }
      shape.status.put(stepId, to);
      if (to == StepStatus.FINISHED) {
        shape.everFinished.add(stepId);
      }
    }
  }

  private void checkAction(String sagaId, Shape shape, String stepId, StepStatus from, StepStatus to) {
    boolean starts = to == StepStatus.QUEUED && from == StepStatus.CREATED || to == StepStatus.RUNNING;
    if (!starts) {
      return;
    }
    for (String dependency : shape.dependsOn.get(stepId)) {
      if (shape.status.get(dependency) != StepStatus.FINISHED) {
        violation(sagaId, stepId + " went " + to + " while its dependency " + dependency + " was "
            + shape.status.get(dependency));
      }
    }
    if (shape.sagaStatus != SagaStatus.RUNNING) {
      violation(sagaId, stepId + " went " + to + " while the saga was " + shape.sagaStatus);
    }
  }

  private void checkCompensator(String sagaId, Shape shape, String compensatorId, String step, StepStatus to) {
    if (to != StepStatus.QUEUED && to != StepStatus.RUNNING) {
      return;
    }
    if (shape.status.get(step) != StepStatus.COMPENSATING || !shape.everFinished.contains(step)) {
      violation(sagaId, "compensator " + compensatorId + " went " + to + " while its step was " + shape.status.get(step));
    }
    for (String dependent : shape.dependents.getOrDefault(step, List.of())) {
      if (!undone(shape, dependent)) {
        violation(sagaId, "compensator " + compensatorId + " went " + to + " before dependent " + dependent
            + " was undone (" + shape.status.get(dependent) + ")");
      }
    }
  }

  /** Whether nothing of {@code step} is left to undo: skipped, failed, compensated, or finished without compensator atop undone dependents. */
  private static boolean undone(Shape shape, String step) {
    StepStatus status = shape.status.get(step);
    if (status == StepStatus.SKIPPED || status == StepStatus.COMPENSATED) {
      return true;
    }
    if (status == StepStatus.FAILED) {
      String compensator = shape.compensatorOf.get(step);
      return compensator == null || shape.status.get(compensator) != StepStatus.FAILED;
    }
    return status == StepStatus.FINISHED && !shape.compensatorOf.containsKey(step)
        && shape.dependents.getOrDefault(step, List.of()).stream().allMatch(d -> undone(shape, d));
  }

  /** Whether the listeners saw the saga reach {@code status} (they run on the node's listener thread). */
  boolean listenersSaw(String sagaId, SagaStatus status) {
    Shape shape = sagas.get(sagaId);
    synchronized (shape) {
      return shape.sagaStatus == status;
    }
  }

  /** Checks a saga whose outcome arrived, once the listeners saw it settle (and so every transition before). */
  void checkSettled(Saga saga, SagaOutcome outcome, boolean doomed) {
    String sagaId = saga.getId();
    Shape shape = sagas.get(sagaId);
    synchronized (shape) {
      if (!outcome.status().isSettled() || shape.sagaStatus != outcome.status()) {
        violation(sagaId, "outcome " + outcome.status() + " but listeners saw " + shape.sagaStatus);
      }
      if (doomed == outcome.isFinished()) {
        violation(sagaId, (doomed ? "a doomed saga finished" : "a saga without doomed step did not finish")
            + ": " + outcome);
      }
      boolean compensatorFailed = shape.compensates.keySet().stream()
          .anyMatch(c -> shape.status.get(c) == StepStatus.FAILED);
      if (compensatorFailed != (outcome.status() == SagaStatus.FAILED)) {
        violation(sagaId, "ended " + outcome.status() + " though a compensator failed: " + compensatorFailed);
      }
      for (SagaStep step : saga.getSteps()) {
        boolean compensator = shape.compensates.containsKey(step.getId());
        StepStatus status = step.getStatus();
        // In a FAILED saga, the compensator of a step blocked by a dependent's failed compensator waits
        // for an operator's retry or resolve.
        boolean waitsForOperator = compensator && outcome.status() == SagaStatus.FAILED
            && status == StepStatus.WAITING_FOR_COMPENSATION;
        boolean settled = (compensator ? SETTLED_COMPENSATOR : SETTLED_STEP).contains(status) || waitsForOperator;
        if (!settled || status != shape.status.get(step.getId())) {
          violation(sagaId, step.getId() + " ended " + status + ", listeners saw " + shape.status.get(step.getId()));
        }
        boolean undid = shape.compensatorSuccesses.getOrDefault(step.getId(), 0) == 1;
        if (compensator && undid != (status == StepStatus.FINISHED)) {
          violation(sagaId, "compensator " + step.getId() + " ended " + status + " after " + (undid ? "" : "no ") + "success");
        }
        if (outcome.status() == SagaStatus.COMPENSATED && !compensator && shape.compensatorOf.containsKey(step.getId())
            && shape.everFinished.contains(step.getId()) && status != StepStatus.COMPENSATED) {
          violation(sagaId, step.getId() + " finished but ended " + status + " in a compensated saga");
        }
      }
    }
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  private synchronized void violation(String sagaId, String what) {
    if (violations.size() < 50) {
      violations.add("saga " + sagaId + ": " + what);
    }
  }
}
