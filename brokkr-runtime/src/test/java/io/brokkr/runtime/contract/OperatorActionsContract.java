package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.HistoryEntry;
import io.brokkr.runtime.OperatorAction;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An operator retries a FAILED saga, resolves a failed or stuck step by hand, and every action is
 * recorded in the saga's history with its author and seen by listeners.
 */
public interface OperatorActionsContract extends ContractFixture {

  /** A saga: reserve (compensated by Release, broken while {@code broken}), then pay, which fails. */
  private Saga failedCompensation(Brokkr brokkr, AtomicBoolean broken, AtomicInteger released) {
    brokkr.registerWorkers(Worker.sync("Reserve", inv -> "reserved"),
        Worker.sync("Pay", inv -> {
          throw new IllegalStateException("card declined");
        }),
        Worker.sync("Release", inv -> {
          if (broken.get()) {
            throw new IllegalStateException("stock service down");
          }
          return released.incrementAndGet();
        }));
    Saga saga = brokkr.createSaga("order");
    SagaStep reserve = saga.addStep("Reserve", List.of());
    reserve.compensateWith("Release", List.of());
    saga.addStep("Pay", List.of(), List.of(reserve.getId()));
    saga.start();
    assertEquals(SagaStatus.FAILED, outcome(saga).status());
    return saga;
  }

  @Test
  default void aRetriedSagaRunsItsFailedCompensatorAgainAsNewAttempts() {
    AtomicBoolean broken = new AtomicBoolean(true);
    AtomicInteger released = new AtomicInteger();
    Saga saga = failedCompensation(node(), broken, released);
    SagaStep reserve = saga.getSteps().get(0);
    SagaStep release = reserve.getCompensator().orElseThrow();
    assertEquals(StepStatus.FAILED, release.getStatus());
    assertEquals(3, release.getAttempt(), "the policy's three attempts failed");

    broken.set(false);
    assertTrue(saga.actingAs("alice").retry());
    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status(), () -> "history: " + saga.getHistory());
    assertEquals(1, released.get());
    assertEquals(StepStatus.FINISHED, release.getStatus());
    assertEquals(4, release.getAttempt(), "the retry is a new attempt");
    assertEquals(StepStatus.COMPENSATED, reserve.getStatus());
    assertEquals(Optional.empty(), reserve.getFailureReason(), "the step's failure was cleared by the retry");
    assertFalse(saga.retry(), "a compensated saga has nothing to retry");
    assertEquals(List.of(new OperatorAction(OperatorAction.Kind.RETRY, Optional.empty(), "alice", "")), actions(saga));
  }

  @Test
  default void aRetryGivesTheCompensatorItsWholePolicyAgain() {
    AtomicBoolean broken = new AtomicBoolean(true);
    Saga saga = failedCompensation(node(), broken, new AtomicInteger());
    SagaStep release = saga.getSteps().get(0).getCompensator().orElseThrow();

    assertTrue(saga.retry());
    assertEquals(SagaStatus.FAILED, outcome(saga).status(), "still broken: it fails again for good");
    assertEquals(6, release.getAttempt(), () -> "three more attempts, as the policy says: " + saga.getHistory());
    assertEquals(Optional.of("IllegalStateException: stock service down"), release.getFailureReason());
  }

  @Test
  default void aStepBlockedByAFailedCompensatorIsCompensatedOnceTheRetrySucceeds() {
    Brokkr brokkr = node();
    AtomicBoolean broken = new AtomicBoolean(true);
    List<String> undone = new CopyOnWriteArrayList<>();
    brokkr.registerWorkers(Worker.sync("Do", inv -> "done"),
        Worker.sync("Fail", inv -> {
          throw new IllegalStateException("no");
        }),
        Worker.sync("UndoFirst", inv -> undone.add("first")),
        Worker.sync("UndoSecond", inv -> {
          if (broken.get()) {
            throw new IllegalStateException("still broken");
          }
          return undone.add("second");
        }));
    Saga saga = brokkr.createSaga();
    SagaStep first = saga.addStep("Do", List.of());
    SagaStep undoFirst = first.compensateWith("UndoFirst", List.of());
    SagaStep second = saga.addStep("Do", List.of(), List.of(first.getId()));
    second.compensateWith("UndoSecond", List.of());
    saga.addStep("Fail", List.of(), List.of(second.getId()));
    saga.start();
    assertEquals(SagaStatus.FAILED, outcome(saga).status());
    assertEquals(StepStatus.FINISHED, first.getStatus(), "blocked: its dependent's compensator failed");
    assertEquals(StepStatus.WAITING_FOR_COMPENSATION, undoFirst.getStatus(), "its compensator waits for an operator");

    broken.set(false);
    assertTrue(saga.retry());
    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(List.of("second", "first"), undone, "undone in reverse order once unblocked");
    assertEquals(StepStatus.COMPENSATED, first.getStatus());
  }

  @Test
  default void anOperatorResolvesAFailedCompensatorByHand() {
    Saga saga = failedCompensation(node(), new AtomicBoolean(true), new AtomicInteger());
    SagaStep reserve = saga.getSteps().get(0);
    SagaStep release = reserve.getCompensator().orElseThrow();

    assertTrue(saga.actingAs("bob").resolve(reserve.getId(), "released the stock by hand"),
        "naming the step resolves its failed compensator");
    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertEquals(StepStatus.FINISHED, release.getStatus());
    assertEquals(StepStatus.COMPENSATED, reserve.getStatus());
    assertFalse(saga.actingAs("bob").resolve(release.getId(), "again"), "resolved already");
    assertEquals(List.of(new OperatorAction(OperatorAction.Kind.RESOLVE, Optional.of(release.getId()), "bob",
        "released the stock by hand")), actions(saga));
  }

  @Test
  default void anOperatorResolvesAStepWhoseWorkerNoNodeHosts() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Ship", inv -> "shipped"));
    Saga saga = brokkr.createSaga();
    SagaStep legacy = saga.addStep("LegacyBilling", List.of());
    SagaStep ship = saga.addStep("Ship", List.of(), List.of(legacy.getId()));
    saga.start();
    assertEquals(StepStatus.QUEUED, legacy.getStatus());

    assertTrue(saga.resolve(legacy.getId(), "billed in the old system"));
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(StepStatus.FINISHED, legacy.getStatus());
    assertEquals(Optional.empty(), legacy.getResult());
    assertEquals(StepStatus.FINISHED, ship.getStatus(), "the saga went on");
  }

  @Test
  default void aResolveWhereNothingIsStuckOrFailedIsRefusedWithTheReason() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    SagaStep waiting = saga.addStep("Nobody", List.of());
    SagaStep later = saga.addStep("Nobody", List.of(), List.of(waiting.getId()));
    saga.start();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> saga.resolve(later.getId(), "n"));
    assertEquals("saga " + saga.getId() + ": step \"" + later.getId() + "\" is CREATED while the saga is RUNNING; an "
        + "operator resolves a QUEUED or RUNNING step, or a compensator that failed in a FAILED saga", e.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> saga.resolve("nope", "n"));
    assertEquals("saga " + saga.getId() + " has no step \"nope\"", unknown.getMessage());
    assertEquals(List.of(), actions(saga), "a refused action is not recorded");
  }

  @Test
  default void onlyAFailedSagaCanBeRetried() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    saga.addStep("Nobody", List.of());
    saga.start();

    IllegalStateException e = assertThrows(IllegalStateException.class, saga::retry);
    assertEquals("saga " + saga.getId() + " is RUNNING; only a FAILED saga can be retried", e.getMessage());
    assertTrue(saga.cancel("give up"));
    assertEquals(SagaStatus.COMPENSATED, outcome(saga).status());
    assertFalse(saga.retry(), "a compensated saga has nothing to retry");
  }

  @Test
  default void listenersSeeEachActionBeforeTheMovesItCaused() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Brokkr brokkr = node(b -> b.listener(new SagaListener() {
      @Override
      public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
        seen.add(from + "->" + to);
      }

      @Override
      public void onOperatorAction(String sagaId, OperatorAction action) {
        seen.add(action.kind() + " by " + action.author() + ": " + action.note());
      }
    }));
    Saga saga = brokkr.createSaga();
    saga.addStep("Nobody", List.of());
    saga.start();
    assertTrue(saga.actingAs("carol").cancel("duplicate order"));
    outcome(saga);

    eventually("the listener saw the saga settle", () -> seen.contains("COMPENSATING->COMPENSATED"));
    assertEquals(List.of("CREATED->RUNNING", "CANCEL by carol: duplicate order", "RUNNING->COMPENSATING",
        "COMPENSATING->COMPENSATED"), seen);
  }

  @Test
  default void theHistoryTellsEveryMoveWithItsAttemptNodeTokenAndReason() {
    Brokkr brokkr = node(b -> b.nodeId("node-a"));
    AtomicInteger calls = new AtomicInteger();
    brokkr.registerWorker(Worker.sync("Flaky", inv -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("boom");
      }
      return "ok";
    }));
    Saga saga = brokkr.createSaga("flaky");
    SagaStep step = saga.addStep("Flaky", List.of());
    saga.start();
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());

    List<HistoryEntry> history = saga.getHistory();
    assertEquals(List.of("CREATED", "CREATED->RUNNING", "s CREATED->QUEUED", "s QUEUED->RUNNING",
        "s RUNNING->QUEUED", "s QUEUED->RUNNING", "s RUNNING->FINISHED", "RUNNING->FINISHED"),
        history.stream().map(e -> describe(e, step.getId())).toList());
    HistoryEntry firstClaim = history.get(3);
    assertEquals(Optional.of("node-a"), firstClaim.nodeId());
    assertEquals(1, firstClaim.attempt());
    HistoryEntry failure = history.get(4);
    assertEquals(Optional.of("IllegalStateException: boom"), failure.reason());
    assertEquals(firstClaim.token(), failure.token(), "the failure names the attempt that failed");
    assertEquals(Optional.of("node-a"), failure.nodeId());
    HistoryEntry secondClaim = history.get(5);
    assertEquals(2, secondClaim.attempt());
    assertTrue(secondClaim.token() > firstClaim.token(), "a new attempt has a new fencing token");
    assertEquals(Optional.empty(), history.get(2).nodeId(), "no node holds a queued step");
    for (int i = 1; i < history.size(); i++) {
      assertFalse(history.get(i).at().isBefore(history.get(i - 1).at()), "oldest first");
    }
  }

  @Test
  default void aCancelIsRecordedBeforeTheMovesItCausedWithItsReason() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    saga.addStep("Nobody", List.of());
    saga.start();
    assertTrue(saga.actingAs("dave").cancel("customer called"));
    outcome(saga);

    List<HistoryEntry> history = saga.getHistory();
    int action = history.size() - 4;
    assertEquals(HistoryEntry.Kind.ACTION, history.get(action).kind());
    assertEquals(Optional.of(new OperatorAction(OperatorAction.Kind.CANCEL, Optional.empty(), "dave", "customer called")),
        history.get(action).action());
    assertEquals(List.of("RUNNING->COMPENSATING", "s QUEUED->SKIPPED", "COMPENSATING->COMPENSATED"),
        history.subList(action + 1, history.size()).stream().map(e -> describe(e, saga.getSteps().get(0).getId()))
            .toList());
    assertEquals(Optional.of("customer called"), history.get(action + 1).reason());
  }

  @Test
  default void aHistoryKeepsItsNewestEntriesUpToTheLimit() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Quick", inv -> "ok"));
    Saga saga = brokkr.createSaga();
    for (int i = 0; i < 400; i++) {
      saga.addStep("Quick", List.of());
    }
    saga.start();
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());

    List<HistoryEntry> history = saga.getHistory();
    assertEquals(HistoryEntry.LIMIT, history.size(), "1,203 entries, the oldest dropped");
    HistoryEntry last = history.get(history.size() - 1);
    assertEquals(HistoryEntry.Kind.SAGA_MOVED, last.kind());
    assertEquals(Optional.of("FINISHED"), last.to());
    assertFalse(history.stream().anyMatch(e -> e.kind() == HistoryEntry.Kind.CREATED), "the oldest were dropped");
  }

  @Test
  default void aSagaThatDoesNotExistHasNoHistory() {
    assertEquals(List.of(), store().history("no-such-saga"));
  }

  private static List<OperatorAction> actions(Saga saga) {
    return saga.getHistory().stream().flatMap(e -> e.action().stream()).toList();
  }

  /** An entry as "CREATED", "FROM->TO" for the saga, "s FROM->TO" for the step {@code stepId}. */
  private static String describe(HistoryEntry entry, String stepId) {
    return switch (entry.kind()) {
      case CREATED -> "CREATED";
      case SAGA_MOVED -> entry.from().orElseThrow() + "->" + entry.to().orElseThrow();
      case STEP_MOVED -> (entry.stepId().orElseThrow().equals(stepId) ? "s " : entry.stepId().get() + " ")
          + entry.from().orElseThrow() + "->" + entry.to().orElseThrow();
      case ACTION -> "ACTION " + entry.action().orElseThrow();
    };
  }
}
