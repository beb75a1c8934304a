package io.brokkr.runtime;

import java.util.Objects;

/**
 * Code that runs the steps of one worker name, registered on the nodes that host it.
 *
 * <ul>
 *   <li>{@link #sync}: the function's return value finishes the step (null: a step without result);
 *       an exception fails the attempt, which is retried per the step's policy, then the step fails.
 *   <li>{@link #async}: the function starts work elsewhere (e.g. publishes to Kafka) and the step
 *       stays RUNNING until someone calls {@link Saga#stepFinished} or {@link Saga#stepFailed}, from
 *       any thread or node. An exception thrown by the function fails the attempt.
 * </ul>
 *
 * @param name the worker name that steps refer to
 * @param mode how the step is completed
 * @param body the code
 */
public record Worker(String name, Mode mode, Body body) {

  /** How a worker's step is completed. */
  public enum Mode {
    /** By the body's return value. */
    SYNC,
    /** From outside, by {@code stepFinished} / {@code stepFailed}. */
    ASYNC
  }

  /** The code of a worker. */
  @FunctionalInterface
  public interface Body {
    /**
     * Runs one attempt.
     *
     * @param invocation the step's args, its dependencies' results, its saga and attempt
     * @return the step's result, for a sync worker (null: no result); ignored for an async one
     * @throws Exception any failure: it fails the attempt, which is retried per the step's policy
     */
    @org.jspecify.annotations.Nullable Object run(StepInvocation invocation) throws Exception;
  }

  /** The code of an async worker: it starts work elsewhere and returns nothing. */
  @FunctionalInterface
  public interface AsyncBody {
    /**
     * Starts one attempt; the step stays RUNNING until it is settled from outside.
     *
     * @param invocation the step's args, its dependencies' results, its saga and attempt
     * @throws Exception any failure to start: it fails the attempt, which is retried per the step's policy
     */
    void start(StepInvocation invocation) throws Exception;
  }

  /**
   * Checks that no component is null.
   *
   * @param name the worker name that steps refer to
   * @param mode how the step is completed
   * @param body the code
   */
  public Worker {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(body, "body");
  }

  /**
   * {@return a worker whose return value finishes the step}
   *
   * @param name the worker name that steps refer to
   * @param body the code of one attempt; its return value is the step's result (null: none)
   */
  public static Worker sync(String name, Body body) {
    return new Worker(name, Mode.SYNC, body);
  }

  /**
   * {@return a worker that starts work elsewhere; the step is settled later from outside}
   *
   * @param name the worker name that steps refer to
   * @param body the code that starts one attempt
   */
  public static Worker async(String name, AsyncBody body) {
    Objects.requireNonNull(body, "body");
    return new Worker(name, Mode.ASYNC, invocation -> {
      body.start(invocation);
      return null;
    });
  }
}
