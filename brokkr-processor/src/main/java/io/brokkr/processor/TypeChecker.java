package io.brokkr.processor;

import com.palantir.javapoet.TypeName;

/** Answers type questions for the analyzer; backed by javac's {@code Types} when processing. */
@FunctionalInterface
interface TypeChecker {
  /**
   * Whether a parameter of type {@code parameter} can receive a step result of type {@code result}.
   * The result reaches it as JSON, read back as the parameter's type; so the parameter must be of the
   * result's type (or its boxed or primitive twin). A supertype, an interface or a wildcard the result
   * is assignable to is not enough: JSON cannot build an abstract type, and reading a subclass's JSON
   * as its superclass fails on the fields the subclass adds.
   */
  boolean canReceive(TypeName result, TypeName parameter);
}
