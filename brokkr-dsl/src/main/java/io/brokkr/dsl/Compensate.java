package io.brokkr.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Saga} class as the compensator of a step: it undoes that step when a
 * later step fails. It receives the compensated step's result and may ask for saga inputs.
 *
 * <p>The compensator has its own retry policy and timeout, like a {@link Step}: attributes left at
 * their defaults take the node's defaults. Durations are written like {@code "250ms"}, {@code "10s"},
 * {@code "2m"}, {@code "1h"} or ISO-8601 ({@code "PT10S"}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Compensate {
  /** {@return the name of the step this method compensates} */
  String value();

  /** {@return the attempts before the compensation fails (and the saga with it), at least 1; 0 means the node's default} */
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
