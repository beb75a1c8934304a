package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepSummary;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detail a failed attempt leaves with its reason: its stack trace, bounded, shown with the step. */
public interface FailureDetailContract extends ContractFixture {
  Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  Duration LEASE = Duration.ofSeconds(30);
  RetryPolicy TWO = new RetryPolicy(2, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
  String TRACE = "java.lang.IllegalStateException: boom\n\tat com.acme.Forge.strike(Forge.java:42)";

  private static StepSpec spec(String id) {
    return new StepSpec(id, "A", List.of(), "[]", TWO, Optional.empty());
  }

  private static StepSnapshot step(SagaStore store, String id) {
    return store.load("s").orElseThrow().step(id).orElseThrow();
  }

  private static Claim claim(SagaStore store) {
    return store.claimNext("A", "node-1", T0, LEASE).orElseThrow(() -> new AssertionError("nothing to claim"));
  }

  @Test
  default void aFailedAttemptKeepsItsDetailWithItsReasonUntilTheStepMovesOn() {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a"));
    store.start("s");
    StepRef a = new StepRef("s", "a");
    Claim first = claim(store);

    store.fail(a, Settler.attempt(first.lease().token()), "boom", TRACE, T0);
    assertEquals(Optional.of(TRACE), step(store, "a").failureDetail(), "kept while it waits for its retry");
    store.requeue(a);
    Claim second = claim(store);
    store.failUnknown(a, second.lease().token(), "attempt 2 timed out after 5s", T0);

    StepSnapshot timedOut = step(store, "a");
    assertEquals(Optional.of("attempt 2 timed out after 5s"), timedOut.failureReason());
    assertEquals(Optional.empty(), timedOut.failureDetail(), "a timeout has no stack trace of its own");
  }

  @Test
  default void aFailedCompensatorLeavesItsDetailOnItselfAndOnItsStep() {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a"));
    store.addStep("s", new StepSpec("b", "B", List.of("a"), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
    store.addCompensator("s", "a", new StepSpec("undo", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
    store.start("s");
    Claim a = claim(store);
    store.finish(a.step().ref(), Settler.attempt(a.lease().token()), Optional.empty());
    store.fail(new StepRef("s", "b"), Settler.external(), "declined", "", T0);
    assertEquals(Optional.empty(), step(store, "b").failureDetail(), "\"\" records none");

    Claim undo = claim(store);
    assertEquals("undo", undo.step().stepId());
    store.fail(undo.step().ref(), Settler.attempt(undo.lease().token()), "undo broke", TRACE, T0);

    assertEquals(SagaStatus.FAILED, store.load("s").orElseThrow().status());
    assertEquals(Optional.of(TRACE), step(store, "undo").failureDetail());
    assertEquals(Optional.of("compensator \"undo\" failed: undo broke"), step(store, "a").failureReason());
    assertEquals(Optional.of(TRACE), step(store, "a").failureDetail());

    store.retry("s", "operator");
    assertEquals(Optional.empty(), step(store, "a").failureDetail(), "a retry clears the step's failure");
  }

  @Test
  default void aStepThatThrewShowsItsStackTraceWithItsCausesWithinTheBound() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Shallow", inv -> {
      throw new IllegalStateException("out of stock", new java.io.IOException("socket closed"));
    }));
    brokkr.registerWorker(Worker.sync("Deep", inv -> {
      throw new IllegalArgumentException("deep", deeply(3000));
    }));
    Saga first = brokkr.createSaga();
    SagaStep shallow = first.addStep("Shallow", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    Saga second = brokkr.createSaga();
    SagaStep deep = second.addStep("Deep", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    first.start();
    second.start();
    assertEquals(SagaStatus.COMPENSATED, outcome(first).status());
    assertEquals(SagaStatus.COMPENSATED, outcome(second).status());

    String shown = summary(first, shallow).failureDetail().orElseThrow();
    assertTrue(shown.startsWith("java.lang.IllegalStateException: out of stock\n\tat "), shown);
    assertTrue(shown.contains("\nCaused by: java.io.IOException: socket closed"), shown);
    assertTrue(shown.contains(FailureDetailContract.class.getName()), "the worker's own frame: " + shown);

    String cut = summary(second, deep).failureDetail().orElseThrow();
    assertTrue(cut.length() <= 8000, "8,000 characters at most, was " + cut.length());
    assertTrue(cut.startsWith("java.lang.IllegalArgumentException: deep\n\tat "), cut);
    assertTrue(cut.contains("\nCaused by: java.lang.RuntimeException: 3000 frames"), "causes survive the cut: " + cut);
    assertTrue(cut.contains(" more"), "cut frames are counted: " + cut);
  }

  private static StepSummary summary(Saga saga, SagaStep step) {
    return saga.getStepSummaries().stream().filter(s -> s.stepId().equals(step.getId())).findFirst().orElseThrow();
  }

  /** An exception whose stack has {@code depth} frames. */
  private static RuntimeException deeply(int depth) {
    RuntimeException e = new RuntimeException(depth + " frames");
    StackTraceElement[] frames = new StackTraceElement[depth];
    for (int i = 0; i < depth; i++) {
      frames[i] = new StackTraceElement("com.acme.Recursion", "descend", "Recursion.java", i + 1);
    }
    e.setStackTrace(frames);
    return e;
  }
}
