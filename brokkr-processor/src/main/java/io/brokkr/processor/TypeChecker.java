package io.brokkr.processor;

import com.palantir.javapoet.TypeName;

/** Answers type questions for the analyzer; backed by javac's {@code Types} when processing. */
@FunctionalInterface
interface TypeChecker {
  /**
   * Whether a parameter of type {@code parameter} can receive a step result of type {@code result}.
   * The result reaches it as JSON, read back as the parameter's type; so the parameter must be of the
   * result's class (or its boxed or primitive twin), not a supertype or an interface that JSON cannot
   * build, and its type arguments must accept the result's.
   */
  boolean canReceive(TypeName result, TypeName parameter);
}
