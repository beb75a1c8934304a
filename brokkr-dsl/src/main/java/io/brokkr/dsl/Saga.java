package io.brokkr.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link Step} methods form a saga template. The annotation processor checks
 * the saga at compile time and generates a typed launcher, {@code <ClassName>Launcher}, next to it.
 *
 * <p>The class must be top level or a static nested class.
 *
 * <p>Kept at run time so that a container can find its saga beans: the Spring Boot starter
 * registers every {@code @Saga} bean through its launcher.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Saga {
  /** {@return the saga's name; empty means the class's simple name} */
  String value() default "";
}
