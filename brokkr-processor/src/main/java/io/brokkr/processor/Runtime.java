package io.brokkr.processor;

import com.palantir.javapoet.ClassName;

/** The runtime API the generated code calls; named, not linked, since the processor does not depend on it. */
final class Runtime {
  private static final String PACKAGE = "io.brokkr.runtime";

  static final ClassName BROKKR = ClassName.get(PACKAGE, "Brokkr");
  static final ClassName WORKER = ClassName.get(PACKAGE, "Worker");
  static final ClassName SAGA = ClassName.get(PACKAGE, "Saga");
  static final ClassName SAGA_HANDLE = ClassName.get(PACKAGE, "SagaHandle");
  static final ClassName STEP_CONTEXT = ClassName.get(PACKAGE, "StepContext");

  private Runtime() {}
}
