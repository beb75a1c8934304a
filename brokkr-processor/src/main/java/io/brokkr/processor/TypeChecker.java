package io.brokkr.processor;

import com.palantir.javapoet.TypeName;

/** Answers type questions for the analyzer; backed by javac's {@code Types} when processing. */
@FunctionalInterface
interface TypeChecker {
  /** Whether a value of type {@code from} may be passed where {@code to} is declared. */
  boolean isAssignable(TypeName from, TypeName to);
}
