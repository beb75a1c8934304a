package io.brokkr.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Saga} class as the compensator of a step: it undoes that step when a
 * later step fails. It receives the compensated step's result and may ask for saga inputs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Compensate {
  /** The name of the step this method compensates. */
  String value();
}
