package io.brokkr.runtime.differential;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One SPI call with concrete arguments, so that a sequence replays the same on every store and
 * after shrinking. Its {@code toString} is the call as a line of code that compiles with the static
 * imports of {@link Sequences}; times are shown as {@code at(ms)}, milliseconds after {@link #T0}.
 */
sealed interface Call {
  /** The origin of every time in a sequence, far after the fixed clock the views are opened with. */
  Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  /** Makes the call: a claim on the view of its node ({@code claimers.apply(nodeId)}), the rest on {@code actor}. */
  Object apply(SagaStore actor, Function<String, SagaStore> claimers);

  record CreateSaga(String sagaId, Optional<String> name) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      actor.createSaga(sagaId, name);
      return "done";
    }

    @Override
    public String toString() {
      return "createSaga(" + q(sagaId) + name.map(n -> ", " + q(n)).orElse("") + ")";
    }
  }

  record AddStep(String sagaId, StepSpec step) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.addStep(sagaId, step);
    }

    @Override
    public String toString() {
      return "addStep(" + q(sagaId) + ", " + spec(step) + ")";
    }
  }

  record AddCompensator(String sagaId, String stepId, StepSpec compensator) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.addCompensator(sagaId, stepId, compensator);
    }

    @Override
    public String toString() {
      return "addCompensator(" + q(sagaId) + ", " + q(stepId) + ", " + spec(compensator) + ")";
    }
  }

  record Start(String sagaId) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.start(sagaId);
    }

    @Override
    public String toString() {
      return "start(" + q(sagaId) + ")";
    }
  }

  record CreateAndStart(SagaDraft draft) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.createAndStart(draft);
    }

    @Override
    public String toString() {
      return "createAndStart(" + shown(draft) + ")";
    }
  }

  record CreateStartAndClaim(SagaDraft draft, ClaimRequest next, int max) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.createStartAndClaim(draft, next, max);
    }

    @Override
    public String toString() {
      return "createStartAndClaim(" + shown(draft) + ", " + request(next) + ", " + max + ")";
    }
  }

  record ClaimNext(String workerName, String nodeId, Instant now, Duration lease) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return claimers.apply(nodeId).claimNext(workerName, nodeId, now, lease);
    }

    @Override
    public String toString() {
      return "claimNext(" + q(workerName) + ", " + q(nodeId) + ", " + at(now) + ", " + ms(lease) + ")";
    }
  }

  record Heartbeat(StepRef step, long token, Instant until) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.heartbeat(step, token, until);
    }

    @Override
    public String toString() {
      return "heartbeat(" + ref(step) + ", " + token + ", " + at(until) + ")";
    }
  }

  record Finish(StepRef step, Settler by, Optional<String> resultJson) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.finish(step, by, resultJson);
    }

    @Override
    public String toString() {
      return "finish(" + ref(step) + ", " + settler(by) + ", " + optional(resultJson) + ")";
    }
  }

  record FinishAndClaim(StepRef step, Settler by, Optional<String> resultJson, ClaimRequest next, int max)
      implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.finishAndClaim(step, by, resultJson, next, max);
    }

    @Override
    public String toString() {
      return "finishAndClaim(" + ref(step) + ", " + settler(by) + ", " + optional(resultJson) + ", "
          + request(next) + ", " + max + ")";
    }
  }

  record Fail(StepRef step, Settler by, String reason, String detail, Instant now) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.fail(step, by, reason, detail, now);
    }

    @Override
    public String toString() {
      return "fail(" + ref(step) + ", " + settler(by) + ", " + q(reason) + ", " + q(detail) + ", " + at(now) + ")";
    }
  }

  record FailUnknown(StepRef step, long token, String reason, Instant now) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.failUnknown(step, token, reason, now);
    }

    @Override
    public String toString() {
      return "failUnknown(" + ref(step) + ", " + token + ", " + q(reason) + ", " + at(now) + ")";
    }
  }

  record HandBack(StepRef step, long token, boolean mayHaveRun) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.handBack(step, token, mayHaveRun);
    }

    @Override
    public String toString() {
      return "handBack(" + ref(step) + ", " + token + ", " + mayHaveRun + ")";
    }
  }

  record Park(StepRef step, long token) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.park(step, token);
    }

    @Override
    public String toString() {
      return "park(" + ref(step) + ", " + token + ")";
    }
  }

  record Requeue(StepRef step) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.requeue(step);
    }

    @Override
    public String toString() {
      return "requeue(" + ref(step) + ")";
    }
  }

  record Cancel(String sagaId, String reason) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.cancel(sagaId, reason, "operator");
    }

    @Override
    public String toString() {
      return "cancel(" + q(sagaId) + ", " + q(reason) + ")";
    }
  }

  record Retry(String sagaId) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.retry(sagaId, "operator");
    }

    @Override
    public String toString() {
      return "retry(" + q(sagaId) + ")";
    }
  }

  record Resolve(StepRef step, String note) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.resolve(step, note, "operator");
    }

    @Override
    public String toString() {
      return "resolve(" + ref(step) + ", " + q(note) + ")";
    }
  }

  record FireDue(Instant now) implements Call {
    @Override
    public Object apply(SagaStore actor, Function<String, SagaStore> claimers) {
      return actor.fireDue(now);
    }

    @Override
    public String toString() {
      return "fireDue(" + at(now) + ")";
    }
  }

  // ---- how the calls print ----

  private static String q(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  private static String at(Instant instant) {
    return "at(" + Duration.between(T0, instant).toMillis() + ")";
  }

  private static String ms(Duration duration) {
    return "ms(" + duration.toMillis() + ")";
  }

  private static String ref(StepRef step) {
    return "ref(" + q(step.sagaId()) + ", " + q(step.stepId()) + ")";
  }

  private static String optional(Optional<String> value) {
    return value.map(v -> "Optional.of(" + q(v) + ")").orElse("Optional.empty()");
  }

  private static String settler(Settler by) {
    return by instanceof Settler.Attempt attempt ? "attempt(" + attempt.token() + ")" : "external()";
  }

  private static String spec(StepSpec step) {
    RetryPolicy r = step.retry();
    return "step(" + q(step.stepId()) + ", " + q(step.workerName()) + ", List.of("
        + step.dependsOn().stream().map(Call::q).collect(Collectors.joining(", ")) + "), " + q(step.argsJson())
        + ", retry(" + r.maxAttempts() + ", " + r.initialBackoff().toMillis() + ", " + r.multiplier() + ", "
        + r.maxBackoff().toMillis() + "), " + step.timeout().map(t -> "Optional.of(" + ms(t) + ")").orElse("Optional.empty()")
        + ")";
  }

  private static String shown(SagaDraft draft) {
    return "draft(" + q(draft.sagaId()) + ", List.of("
        + draft.steps().stream().map(Call::spec).collect(Collectors.joining(", ")) + "), compensators("
        + draft.compensators().entrySet().stream().map(e -> q(e.getKey()) + ", " + spec(e.getValue()))
            .collect(Collectors.joining(", ")) + ")" + draft.name().map(n -> ", " + q(n)).orElse("") + ")";
  }

  private static String request(ClaimRequest next) {
    return "new ClaimRequest(" + q(next.nodeId()) + ", " + at(next.now()) + ", " + ms(next.lease()) + ", Set.of("
        + next.workerNames().stream().sorted().map(Call::q).collect(Collectors.joining(", ")) + "))";
  }

  /** The calls as the arguments of a {@code List.of}, numbered from 0. */
  static String listing(List<Call> calls) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < calls.size(); i++) {
      out.append(String.format("  /* %3d */ %s%s%n", i, calls.get(i), i + 1 < calls.size() ? "," : ""));
    }
    return out.toString();
  }
}
