package io.brokkr.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.faults.SagaSnapshot.StepSnapshot;
import io.brokkr.faults.Violation.Rule;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checker on hand-written ledgers: a saga of two steps, {@code a} and {@code b} that depends on
 * {@code a}, each with a compensator. Each test breaks one rule and expects exactly that violation.
 */
class CheckerTest {
  private static final long LEASE = 2000;
  private static final Behaviour PLAIN = new Behaviour(10, 0, false, 0);

  private final List<LedgerEvent> events = new ArrayList<>();

  @Test
  void aCleanCompensationBreaksNoRule() {
    run("a", 1, 0, 100, true);
    run("b", 1, 200, 300, false);
    undo("b", 1, 400, 450, true);
    undo("a", 1, 500, 550, true);

    assertEquals(List.of(), rules(SagaStatus.COMPENSATED));
  }

  @Test
  void aPossiblyDoneStepMustBeCompensated() {
    run("a", 1, 0, 100, true);
    start("b", 1, 200);              // its node died: no end
    start("b", 2, 2500);
    end("b", 2, 2600, false);        // the retry failed on purpose
    undo("a", 1, 3000, 3050, true);

    assertEquals(List.of(Rule.MISSING_COMPENSATION), rules(SagaStatus.COMPENSATED));
  }

  @Test
  void aStepThatFailedOnPurposeIsNotCompensated() {
    run("a", 1, 0, 100, true);
    run("b", 1, 200, 300, false);
    undo("a", 1, 400, 450, true);

    assertEquals(List.of(), rules(SagaStatus.COMPENSATED));
  }

  @Test
  void aStepRunsOnlyAfterItsDependencies() {
    run("b", 1, 0, 50, true);
    run("a", 1, 100, 200, true);

    assertEquals(List.of(Rule.DEPENDENCY_ORDER), rules(SagaStatus.FINISHED));
  }

  @Test
  void twoAcceptedCompletionsAreOneTooMany() {
    run("a", 1, 0, 100, true);
    run("b", 1, 200, 300, true);
    events.add(event(310, "n1", LedgerEvent.COMPLETE_CALL, "b", 1, true, "stepFinished"));
    events.add(event(320, "n2", LedgerEvent.COMPLETE_CALL, "b", 1, true, "stepFinished"));

    assertEquals(List.of(Rule.DOUBLE_COMPLETION), rules(SagaStatus.FINISHED));
  }

  @Test
  void attemptsMustNotOverlapWithinALease() {
    run("a", 1, 0, 100, true);
    start("b", 1, 200);
    start("b", 2, 500);
    end("b", 2, 600, true);
    end("b", 1, 700, true);

    assertEquals(List.of(Rule.OVERLAP), rules(SagaStatus.FINISHED));
  }

  @Test
  void dependentsAreCompensatedFirst() {
    run("a", 1, 0, 100, true);
    run("b", 1, 200, 300, true);
    undo("a", 1, 600, 650, true);
    undo("b", 1, 700, 750, true);

    assertEquals(List.of(Rule.COMPENSATION_ORDER), rules(SagaStatus.COMPENSATED));
  }

  @Test
  void nothingIsClaimedOnceCompensationBegan() {
    run("a", 1, 0, 100, false);
    start("a", 2, 200);
    end("a", 2, 300, false);
    undo("a", 1, 400, 450, true);
    run("b", 1, 1000, 1100, false);

    List<Rule> rules = rules(SagaStatus.COMPENSATED);
    assertEquals(true, rules.contains(Rule.CLAIM_AFTER_COMPENSATION), rules.toString());
  }

  @Test
  void aClaimedAttemptRunsUnlessAFaultLostIt() {
    run("a", 1, 0, 100, true);
    run("b", 2, 5000, 5100, true);   // attempt 1 was claimed, and ran nowhere

    assertEquals(List.of(Rule.LOST_CLAIM), rules(SagaStatus.FINISHED));
  }

  @Test
  void aKilledNodeExcusesALostClaim() {
    run("a", 1, 0, 100, true);
    events.add(new LedgerEvent(150, "suite", 2, LedgerEvent.FAULT_START, null, null, 0, null, null, "NODE_KILL n2"));
    events.add(new LedgerEvent(900, "suite", 2, LedgerEvent.FAULT_END, null, null, 0, null, null, "NODE_KILL n2"));
    run("b", 2, 5000, 5100, true);

    assertEquals(List.of(), rules(SagaStatus.FINISHED));
  }

  @Test
  void beingRefusedOnesOwnCompensatorIsAWrongAnswer() {
    events.add(new LedgerEvent(10, "suite", 2, LedgerEvent.SAGA_ABANDONED, "s", null, 0, null, null,
        "building: java.lang.IllegalStateException: saga s: step \"a\" has a compensator already (\"a/undo\")"));
    run("a", 1, 0, 100, true);
    run("b", 1, 200, 300, true);

    assertEquals(List.of(Rule.WRONG_ANSWER), rules(SagaStatus.FINISHED));
  }

  @Test
  void aStepThatNeverStartedIsNotCompensated() {
    run("a", 1, 0, 100, false);
    undo("a", 1, 400, 450, true);
    undo("b", 1, 300, 350, true);

    assertEquals(List.of(Rule.COMPENSATED_NEVER_STARTED), rules(SagaStatus.COMPENSATED));
  }

  @Test
  void aStepGrantedAnAttemptThatNeverRanMayBeCompensated() {
    run("a", 1, 0, 100, false);
    undo("a", 1, 400, 450, true);
    undo("b", 1, 300, 350, true);
    granted.put("b", 1); // claimed, but its node died before the body ran: possibly done for the store

    assertEquals(List.of(), rules(SagaStatus.COMPENSATED));
  }

  /** Results the store holds, by step. */
  private final Map<String, Object> results = new java.util.HashMap<>();

  @Test
  void anAcceptedFinishIsInTheStore() {
    run("a", 1, 0, 100, true);
    run("b", 1, 200, 300, true);
    events.add(event(310, "n1", LedgerEvent.COMPLETE_CALL, "b", 1, true, "stepFinished"));
    results.put("b", Map.of("by", "n1", "attempt", 1));

    assertEquals(List.of(), rules(SagaStatus.FINISHED));
  }

  @Test
  void anAcceptedFinishLostByTheStoreIsAViolation() {
    run("a", 1, 0, 100, true);
    run("b", 1, 200, 300, true);
    events.add(event(310, "n1", LedgerEvent.COMPLETE_CALL, "b", 1, true, "stepFinished"));
    // The finish was lost with Redis: the store holds another attempt's result.
    results.put("b", Map.of("by", "n2", "attempt", 2));

    assertEquals(List.of(Rule.ACKNOWLEDGED_LOST), rules(SagaStatus.FINISHED));
  }

  @Test
  void aSagaAcknowledgedStartedIsNotLeftCreated() {
    assertEquals(List.of(Rule.NOT_SETTLED, Rule.ACKNOWLEDGED_LOST), rules(SagaStatus.CREATED));
  }

  /** Attempts the store granted, by step, when more than the ledger shows started. */
  private final Map<String, Integer> granted = new java.util.HashMap<>();

  private List<Rule> rules(SagaStatus status) {
    SagaSnapshot saga = new SagaSnapshot("s", status, List.of(step("a", List.of()), step("b", List.of("a"))));
    return new Checker(events, LEASE, LEASE, 10_000, 0).check(List.of("s"), Map.of("s", saga)).stream().map(Violation::rule).toList();
  }

  private StepSnapshot step(String id, List<String> deps) {
    int started = events.stream().filter(e -> LedgerEvent.STEP_START.equals(e.kind()) && id.equals(e.step()))
        .mapToInt(LedgerEvent::attempt).max().orElse(0);
    return new StepSnapshot(id, ChaosWorkers.SYNC, StepStatus.FINISHED, deps, Optional.of(id + "/undo"),
        Optional.of(StepStatus.COMPENSATED), PLAIN, granted.getOrDefault(id, started), Optional.ofNullable(results.get(id)));
  }

  private void run(String step, int attempt, long from, long to, boolean ok) {
    start(step, attempt, from);
    end(step, attempt, to, ok);
  }

  private void start(String step, int attempt, long t) {
    events.add(event(t, "n1", LedgerEvent.STEP_START, step, attempt, null, null));
  }

  private void end(String step, int attempt, long t, boolean ok) {
    events.add(event(t, "n1", LedgerEvent.STEP_END, step, attempt, ok, null));
  }

  private void undo(String step, int attempt, long from, long to, boolean ok) {
    events.add(event(from, "n1", LedgerEvent.COMPENSATE_START, step + "/undo", attempt, null, step));
    events.add(event(to, "n1", LedgerEvent.COMPENSATE_END, step + "/undo", attempt, ok, step));
  }

  private static LedgerEvent event(long t, String node, String kind, String step, int attempt, Boolean ok, String detail) {
    return new LedgerEvent(t, node, 1, kind, "s", step, attempt, "s:" + step, ok, detail);
  }
}
