package io.brokkr.faults;

import io.brokkr.faults.SagaSnapshot.StepSnapshot;
import io.brokkr.faults.Violation.Rule;
import io.brokkr.runtime.SagaStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds a run to the runtime's rules (DESIGN.md, "Runtime semantics"), from the ledger and the
 * stored sagas. It encodes the rules as they are meant to be, so an older core may fail some:
 * notably, a compensating saga must compensate every finished <em>or possibly-done</em> step (an
 * attempt that timed out, lost its lease or died without saying it failed).
 *
 * <p>Checks that compare times across attempts are approximate: the ledger does not see leases, so
 * they only judge attempts whose node (and Redis) saw no fault around them.
 */
public final class Checker {
  /** Slack for the time between a claim and the body's first ledger line. */
  private static final long MARGIN_MS = 300;

  /**
   * Faults after which a claimed attempt may rightly never run: its node froze or died after the
   * claim, or every copy of the claim's reply was lost with a broken connection.
   */
  private static final Set<FaultKind> LOSE_CLAIMS = EnumSet.of(FaultKind.NODE_KILL, FaultKind.NODE_PAUSE,
      FaultKind.MASS_LEASE_EXPIRY, FaultKind.REDIS_KILL, FaultKind.SENTINEL_FAILOVER, FaultKind.REDIS_RESTART, FaultKind.PROXY_DROP_REPLIES,
      FaultKind.PROXY_RESET, FaultKind.PROXY_BLACKHOLE, FaultKind.PROXY_ONE_WAY);

  private final long leaseMs;
  private final long hangTimeoutMs;
  private final long clientBudgetMs;
  private final long skewMs;
  private final FaultWindows faults;
  private final Map<String, List<LedgerEvent>> bySaga = new HashMap<>();

  /**
   * A checker of {@code events}.
   *
   * @param leaseMs the nodes' lease
   * @param hangTimeoutMs the attempt timeout of steps that hang
   * @param clientBudgetMs how long a node's client keeps re-sending a command: a stall longer than
   *     this may lose a reply for good, a shorter one may not
   * @param skewMs the largest offset of a node's clock: a timeout fires on the sweeping node's clock,
   *     so up to twice this early in the ledger's time
   */
  public Checker(List<LedgerEvent> events, long leaseMs, long hangTimeoutMs, long clientBudgetMs, long skewMs) {
    this.leaseMs = leaseMs;
    this.hangTimeoutMs = hangTimeoutMs;
    this.clientBudgetMs = clientBudgetMs;
    this.skewMs = skewMs;
    this.faults = new FaultWindows(events, 2 * leaseMs + 2000);
    for (LedgerEvent e : events) {
      if (e.saga() != null) {
        bySaga.computeIfAbsent(e.saga(), k -> new ArrayList<>()).add(e);
      }
    }
  }

  /** Every violation of the started sagas; {@code stored} holds the sagas the store still has. */
  public List<Violation> check(List<String> started, Map<String, SagaSnapshot> stored) {
    List<Violation> out = new ArrayList<>();
    checkAbandoned(out);
    for (String sagaId : started) {
      SagaSnapshot saga = stored.get(sagaId);
      if (saga == null) {
        out.add(new Violation(Rule.LOST, sagaId, "-", "started, but the store has no such saga"));
        continue;
      }
      checkSaga(saga, bySaga.getOrDefault(sagaId, List.of()), out);
    }
    return out;
  }

  /** The suite sets each compensator once, so being told one is set already is a wrong answer. */
  private void checkAbandoned(List<Violation> out) {
    bySaga.forEach((sagaId, events) -> events.stream()
        .filter(e -> LedgerEvent.SAGA_ABANDONED.equals(e.kind()) && e.detail().contains("has a compensator already"))
        .forEach(e -> out.add(new Violation(Rule.WRONG_ANSWER, sagaId, "-", "compensateWith was refused for the"
            + " compensator it had just set (a re-send found its first copy applied): " + e.detail()))));
  }

  private void checkSaga(SagaSnapshot saga, List<LedgerEvent> events, List<Violation> out) {
    if (!saga.status().isSettled()) {
      out.add(new Violation(Rule.NOT_SETTLED, saga.id(), "-", "status " + saga.status() + ", steps "
          + saga.steps().stream().map(s -> s.id() + "=" + s.status() + s.compensatorStatus().map(c -> "/" + c).orElse("")).toList()));
    }
    AcknowledgedCheck.check(saga, events, out);
    for (LedgerEvent e : events) {
      if (LedgerEvent.SAGA_STARTED.equals(e.kind()) && !e.detail().equals(saga.steps().size() + " steps")) {
        out.add(new Violation(Rule.STEP_COUNT, saga.id(), "-", "the suite added " + e.detail() + ", the store holds "
            + saga.steps().size()));
      }
      if (e.key() != null && !e.key().equals(e.saga() + ":" + e.step())) {
        out.add(new Violation(Rule.WRONG_KEY, saga.id(), e.step(), "key " + e.key() + " in attempt " + e.attempt()));
      }
    }
    Map<String, List<Attempt>> attempts = new HashMap<>();
    Map<String, List<Attempt>> undos = new HashMap<>();
    for (StepSnapshot step : saga.steps()) {
      attempts.put(step.id(), Attempt.pair(of(events, step.id()), LedgerEvent.STEP_START, LedgerEvent.STEP_END));
      undos.put(step.id(), step.compensator()
          .map(c -> Attempt.pair(of(events, c), LedgerEvent.COMPENSATE_START, LedgerEvent.COMPENSATE_END))
          .orElse(List.of()));
    }
    for (StepSnapshot step : saga.steps()) {
      checkNoLostClaim(saga, step.id(), attempts.get(step.id()), out);
      step.compensator().ifPresent(c -> checkNoLostClaim(saga, c, undos.get(step.id()), out));
    }
    for (StepSnapshot step : saga.steps()) {
      List<Attempt> mine = attempts.get(step.id());
      checkDependencies(saga, step, mine, attempts, out);
      checkCompletions(saga, step, of(events, step.id()), out);
      if (step.worker().equals(ChaosWorkers.SYNC)) {
        checkAttempts(saga, step, mine, out);
      }
    }
    if (saga.status() == SagaStatus.FINISHED) {
      checkFinished(saga, attempts, undos, out);
    } else if (saga.status() == SagaStatus.COMPENSATED) {
      checkCompensation(saga, attempts, undos, out);
    }
    checkNoClaimAfterCompensation(saga, attempts, undos, out);
  }

  private static List<LedgerEvent> of(List<LedgerEvent> events, String stepId) {
    return events.stream().filter(e -> stepId.equals(e.step())).toList();
  }

  /** No attempt starts before every dependency has an attempt that ended well. */
  private void checkDependencies(SagaSnapshot saga, StepSnapshot step, List<Attempt> mine,
      Map<String, List<Attempt>> attempts, List<Violation> out) {
    for (Attempt a : mine) {
      for (String dep : step.deps()) {
        boolean done = attempts.getOrDefault(dep, List.of()).stream()
            .anyMatch(d -> d.succeeded() && d.endTime() <= a.startTime());
        if (!done) {
          out.add(new Violation(Rule.DEPENDENCY_ORDER, saga.id(), step.id(),
              "attempt " + a.start().attempt() + " started before dependency " + dep + " had finished"));
        }
      }
    }
  }

  /**
   * Every attempt number below the highest ran somewhere, unless a fault could lose a claim (or a
   * stall outlasted the lease, so that the claim reached its node too late to run, or the client's
   * re-sends): a
   * missing one was claimed in the store while the claiming node was told otherwise (a re-sent
   * claim that found its own first copy applied).
   */
  private void checkNoLostClaim(SagaSnapshot saga, String stepId, List<Attempt> mine, List<Violation> out) {
    TreeSet<Integer> ran = new TreeSet<>();
    mine.forEach(a -> ran.add(a.start().attempt()));
    if (ran.isEmpty()) {
      return;
    }
    for (int n = 1; n < ran.last(); n++) {
      if (ran.contains(n)) {
        continue;
      }
      int next = ran.higher(n);
      long nextStart = mine.stream().filter(a -> a.start().attempt() == next).mapToLong(Attempt::startTime).min().orElseThrow();
      // A stall longer than a lease delays a claim past its lease: the node then does not run it.
      long excusingStall = Math.min(clientBudgetMs, leaseMs);
      if (!faults.any(LOSE_CLAIMS, excusingStall, nextStart - 3 * leaseMs - 5000, nextStart)) {
        out.add(new Violation(Rule.LOST_CLAIM, saga.id(), stepId, "attempt " + n + " was claimed but never ran; attempt "
            + next + " ran instead, and no fault near could have lost the claim's reply for good (stalls were shorter than"
            + " " + excusingStall + " ms, the lease or the client's re-send budget)"));
      }
    }
  }

  /** At most one accepted stepFinished / stepFailed per step. */
  private static void checkCompletions(SagaSnapshot saga, StepSnapshot step, List<LedgerEvent> events, List<Violation> out) {
    List<LedgerEvent> accepted = events.stream()
        .filter(e -> LedgerEvent.COMPLETE_CALL.equals(e.kind()) && Boolean.TRUE.equals(e.ok())).toList();
    if (accepted.size() > 1) {
      out.add(new Violation(Rule.DOUBLE_COMPLETION, saga.id(), step.id(), accepted.size()
          + " completions accepted, by attempts " + accepted.stream().map(e -> e.attempt() + "@" + e.node()).toList()));
    }
  }

  /** Sync attempts: no overlap within a valid lease, no new attempt after an undisturbed success. */
  private void checkAttempts(SagaSnapshot saga, StepSnapshot step, List<Attempt> mine, List<Violation> out) {
    long bound = step.behaviour().hangMs() > 0 ? Math.min(leaseMs, hangTimeoutMs) - 2 * skewMs : leaseMs;
    for (Attempt a : mine) {
      for (Attempt b : mine) {
        if (b == a || b.startTime() < a.startTime()) {
          continue;
        }
        boolean quiet = !faults.disturbed(a.node(), a.startTime() - leaseMs, b.startTime())
            && !faults.disturbed(b.node(), a.startTime() - leaseMs, b.startTime());
        if (!quiet) {
          continue;
        }
        if (a.endTime() > b.startTime() && b.startTime() - a.startTime() < bound - MARGIN_MS) {
          out.add(new Violation(Rule.OVERLAP, saga.id(), step.id(), "attempt " + b.start().attempt() + " on "
              + b.node() + " started " + (b.startTime() - a.startTime()) + " ms after attempt " + a.start().attempt()
              + " on " + a.node() + ", which was still running under a lease of " + leaseMs + " ms"));
        }
        if (a.succeeded() && a.endTime() <= b.startTime()) {
          out.add(new Violation(Rule.RERUN_AFTER_SUCCESS, saga.id(), step.id(), "attempt " + b.start().attempt()
              + " on " + b.node() + " started " + (b.startTime() - a.endTime()) + " ms after attempt "
              + a.start().attempt() + " on " + a.node() + " succeeded, with no fault near either"));
        }
      }
    }
  }

  private static void checkFinished(SagaSnapshot saga, Map<String, List<Attempt>> attempts,
      Map<String, List<Attempt>> undos, List<Violation> out) {
    for (StepSnapshot step : saga.steps()) {
      if (attempts.get(step.id()).stream().noneMatch(Attempt::succeeded)) {
        out.add(new Violation(Rule.FINISHED_WITHOUT_SUCCESS, saga.id(), step.id(),
            "the saga FINISHED, but no attempt of this step succeeded (" + attempts.get(step.id()).size() + " attempts)"));
      }
      if (!undos.get(step.id()).isEmpty()) {
        out.add(new Violation(Rule.COMPENSATED_FINISHED_SAGA, saga.id(), step.id(),
            "its compensator ran " + undos.get(step.id()).size() + " times in a FINISHED saga"));
      }
    }
  }

  /**
   * A compensated saga compensated every step that did or may have done something, each at least
   * once (idempotent repeats allowed), dependents before their dependencies, and nothing else.
   */
  private static void checkCompensation(SagaSnapshot saga, Map<String, List<Attempt>> attempts,
      Map<String, List<Attempt>> undos, List<Violation> out) {
    for (StepSnapshot step : saga.steps()) {
      if (step.compensator().isEmpty()) {
        continue;
      }
      List<Attempt> mine = attempts.get(step.id());
      Optional<Attempt> done = mine.stream().filter(a -> !a.explicitlyFailed()).findFirst();
      boolean compensated = undos.get(step.id()).stream().anyMatch(Attempt::succeeded);
      if (done.isPresent() && !compensated) {
        Attempt a = done.get();
        String how = a.succeeded()
            ? "returned success" + (step.behaviour().hangMs() > 0 && a.start().attempt() == 1 ? " after hanging past its timeout" : "")
            : "is possibly done (no outcome recorded: its node died or it never returned)";
        out.add(new Violation(Rule.MISSING_COMPENSATION, saga.id(), step.id(), "attempt " + a.start().attempt() + " on "
            + a.node() + " " + how + ", but compensator " + step.compensator().get() + " never completed (status "
            + step.compensatorStatus().map(Object::toString).orElse("?") + ", step status " + step.status() + ")"));
      }
      // A granted attempt whose body never ran (its node died first, or its claim came after its
      // lease) has an unknown outcome for the store: it is possibly done and may be compensated.
      if (mine.isEmpty() && step.attempts() == 0 && !undos.get(step.id()).isEmpty()) {
        out.add(new Violation(Rule.COMPENSATED_NEVER_STARTED, saga.id(), step.id(),
            "never started, yet its compensator ran " + undos.get(step.id()).size() + " times"));
      }
    }
    for (StepSnapshot step : saga.steps()) {
      Optional<Long> firstUndo = undos.get(step.id()).stream().map(Attempt::startTime).min(Long::compare);
      if (firstUndo.isEmpty()) {
        continue;
      }
      for (StepSnapshot dependent : saga.steps()) {
        if (!dependent.deps().contains(step.id())) {
          continue;
        }
        Optional<Long> dependentUndone = undos.get(dependent.id()).stream().filter(Attempt::succeeded)
            .map(Attempt::endTime).min(Long::compare);
        if (dependentUndone.isPresent() && dependentUndone.get() > firstUndo.get()) {
          out.add(new Violation(Rule.COMPENSATION_ORDER, saga.id(), step.id(), "its compensator started "
              + (dependentUndone.get() - firstUndo.get()) + " ms before dependent " + dependent.id()
              + " was compensated"));
        }
      }
    }
  }

  /** No forward attempt starts once a compensator of the saga has started. */
  private void checkNoClaimAfterCompensation(SagaSnapshot saga, Map<String, List<Attempt>> attempts,
      Map<String, List<Attempt>> undos, List<Violation> out) {
    Optional<Long> began = undos.values().stream().flatMap(List::stream).map(Attempt::startTime).min(Long::compare);
    if (began.isEmpty()) {
      return;
    }
    for (StepSnapshot step : saga.steps()) {
      for (Attempt a : attempts.get(step.id())) {
        if (a.startTime() > began.get() + MARGIN_MS && !faults.disturbed(a.node(), a.startTime() - leaseMs, a.startTime())) {
          out.add(new Violation(Rule.CLAIM_AFTER_COMPENSATION, saga.id(), step.id(), "attempt " + a.start().attempt()
              + " on " + a.node() + " started " + (a.startTime() - began.get()) + " ms after compensation began"));
        }
      }
    }
  }
}
