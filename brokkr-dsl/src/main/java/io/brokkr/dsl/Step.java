package io.brokkr.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Saga} class as a step. A parameter named like one of the step's
 * dependencies receives that dependency's result; every other parameter is a saga input.
 *
 * <p>Retry and timeout attributes left at their defaults take the node's defaults. Durations are
 * written like {@code "250ms"}, {@code "10s"}, {@code "2m"}, {@code "1h"} or ISO-8601 ({@code "PT10S"}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Step {
  /** {@return the step's name; empty means the method's name} */
  String name() default "";

  /** {@return the names of the steps whose results this step needs, in the order the step receives them} */
  String[] dependsOn() default {};

  /** {@return the worker name that runs this step; empty means {@code <SagaName>.<stepName>}} */
  String worker() default "";

  /**
   * {@return whether the step is completed from outside ({@code stepFinished} / {@code stepFailed})
   * rather than by its method's return value} An async step's method returns {@code void}.
   */
  boolean async() default false;

  /** {@return the attempts before the step fails, at least 1; 0 means the node's default} */
  int maxAttempts() default 0;

  /** {@return the backoff before the first retry, e.g. {@code "100ms"}; empty means the node's default} */
  String backoff() default "";

  /** {@return the factor by which the backoff grows after each retry, at least 1.0; 0 means the node's default} */
  double backoffMultiplier() default 0;

  /** {@return the upper bound of the backoff, e.g. {@code "10s"}; empty means the node's default} */
  String maxBackoff() default "";

  /** {@return how long one attempt may run before it counts as failed; empty means no timeout} */
  String timeout() default "";
}
