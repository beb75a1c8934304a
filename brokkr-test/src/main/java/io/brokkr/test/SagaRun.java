package io.brokkr.test;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * What a settled saga did: its outcome, every step transition the node saw, and each step's
 * attempts. Its assertions return the run, so they chain; a failed one throws an
 * {@link AssertionFailedError} that names the saga, what was expected and what happened.
 *
 * <pre>{@code
 * brokkr.awaitOutcome(handle)
 *     .assertCompensated()
 *     .assertStepsRanInOrder("reserve", "charge")
 *     .assertNotRun("ship")
 *     .assertStepsCompensatedInOrder("charge", "reserve")
 *     .assertAttempts("charge", 3);
 * }</pre>
 */
public final class SagaRun {
  private final SagaOutcome outcome;
  private final List<StepTransition> transitions;
  private final Map<String, Integer> attempts;

  SagaRun(SagaOutcome outcome, List<StepTransition> transitions, Map<String, Integer> attempts) {
    this.outcome = outcome;
    this.transitions = List.copyOf(transitions);
    this.attempts = Map.copyOf(attempts);
  }

  /** {@return the saga's outcome: status, failure and the results of its steps} */
  public SagaOutcome outcome() {
    return outcome;
  }

  /** {@return every step transition of the saga, in the order they happened} */
  public List<StepTransition> transitions() {
    return transitions;
  }

  /**
   * {@return how many attempts the step took (0: it never ran)}
   *
   * @param stepId the step, or a compensator as {@code <step>/compensator}
   * @throws AssertionFailedError naming the saga's steps when it has no step of that id
   */
  public int attempts(String stepId) {
    Integer count = attempts.get(Objects.requireNonNull(stepId, "stepId"));
    if (count == null) {
      throw fail("has no step \"" + stepId + "\"; its steps: " + attempts.keySet().stream().sorted().toList());
    }
    return count;
  }

  /**
   * Asserts that the saga FINISHED.
   *
   * @return this run
   * @throws AssertionFailedError naming the status it ended in, and the step that failed
   */
  public SagaRun assertFinished() {
    return assertStatus(SagaStatus.FINISHED);
  }

  /**
   * Asserts that the saga was COMPENSATED: a step failed and every finished step was undone.
   *
   * @return this run
   * @throws AssertionFailedError naming the status it ended in
   */
  public SagaRun assertCompensated() {
    return assertStatus(SagaStatus.COMPENSATED);
  }

  /**
   * Asserts the status the saga ended in.
   *
   * @param expected FINISHED, COMPENSATED or FAILED
   * @return this run
   * @throws AssertionFailedError naming the status it ended in, and the step that failed
   */
  public SagaRun assertStatus(SagaStatus expected) {
    if (outcome.status() != expected) {
      throw new AssertionFailedError(prefix() + "ended " + outcome.status() + ", expected " + expected
          + outcome.failure().map(f -> ": step \"" + f.stepId() + "\" failed: " + f.reason()).orElse(""),
          expected, outcome.status());
    }
    return this;
  }

  /**
   * Asserts that the steps ran (an attempt started), and that each started before the next one in
   * the list did. Steps left out of the list are not checked.
   *
   * @param stepIds the steps, in the order they are expected to have started
   * @return this run
   * @throws AssertionFailedError naming a step that never ran, or the order they ran in
   */
  public SagaRun assertStepsRanInOrder(String... stepIds) {
    return assertOrder("ran", StepStatus.RUNNING, stepIds);
  }

  /**
   * Asserts that the steps were undone (their compensators finished), in this order. Steps left out
   * of the list are not checked.
   *
   * @param stepIds the steps, in the order they are expected to have been compensated
   * @return this run
   * @throws AssertionFailedError naming a step that was not compensated, or the order they were in
   */
  public SagaRun assertStepsCompensatedInOrder(String... stepIds) {
    return assertOrder("were compensated", StepStatus.COMPENSATED, stepIds);
  }

  /**
   * Asserts that no attempt of the step ever started.
   *
   * @param stepId the step
   * @return this run
   * @throws AssertionFailedError naming the step and its transitions when it ran
   */
  public SagaRun assertNotRun(String stepId) {
    attempts(stepId);
    if (reached(StepStatus.RUNNING).contains(stepId)) {
      throw fail("step \"" + stepId + "\" ran, expected it not to; its transitions: " + transitionsOf(stepId));
    }
    return this;
  }

  /**
   * Asserts how many attempts the step took.
   *
   * @param stepId the step, or a compensator as {@code <step>/compensator}
   * @param expected the number of attempts
   * @return this run
   * @throws AssertionFailedError naming both numbers when they differ
   */
  public SagaRun assertAttempts(String stepId, int expected) {
    int actual = attempts(stepId);
    if (actual != expected) {
      throw new AssertionFailedError(prefix() + "step \"" + stepId + "\" took " + actual + " attempt"
          + (actual == 1 ? "" : "s") + ", expected " + expected + "; its transitions: " + transitionsOf(stepId),
          expected, actual);
    }
    return this;
  }

  private SagaRun assertOrder(String verb, StepStatus status, String... stepIds) {
    List<String> expected = Arrays.asList(stepIds);
    expected.forEach(this::attempts);
    List<String> reached = reached(status);
    for (String step : expected) {
      if (!reached.contains(step)) {
        throw fail("step \"" + step + "\" never " + (status == StepStatus.RUNNING ? "ran" : "was compensated")
            + "; the steps that " + verb + ": " + reached);
      }
    }
    List<String> actual = reached.stream().filter(expected::contains).toList();
    if (!actual.equals(expected)) {
      throw new AssertionFailedError(prefix() + "steps " + verb + " in order " + actual + ", expected " + expected,
          expected, actual);
    }
    return this;
  }

  /** The steps (not compensators) that reached {@code status}, in the order they first did. */
  private List<String> reached(StepStatus status) {
    List<String> steps = new ArrayList<>();
    for (StepTransition t : transitions) {
      if (t.to() == status && !steps.contains(t.stepId()) && !t.stepId().endsWith("/compensator")) {
        steps.add(t.stepId());
      }
    }
    return steps;
  }

  private List<StepTransition> transitionsOf(String stepId) {
    return transitions.stream().filter(t -> t.stepId().equals(stepId)).toList();
  }

  private AssertionFailedError fail(String message) {
    return new AssertionFailedError(prefix() + message);
  }

  private String prefix() {
    return "saga " + outcome.sagaId() + ": ";
  }

  @Override
  public String toString() {
    return "SagaRun[" + outcome.sagaId() + " " + outcome.status() + ", " + transitions.size() + " transitions]";
  }
}
