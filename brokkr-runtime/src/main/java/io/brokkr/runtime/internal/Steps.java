package io.brokkr.runtime.internal;

import io.brokkr.dsl.Names;
import java.util.Objects;

/** Checks of step arguments shared by the views. */
final class Steps {
  private Steps() {}

  /** The id of the compensator of step {@code stepId}: one per step, so derived from it. */
  static String compensatorId(String stepId) {
    return stepId + "/compensator";
  }

  static String requireWorker(String workerName) {
    Objects.requireNonNull(workerName, "workerName");
    if (workerName.isBlank()) {
      throw new IllegalArgumentException("a worker name must not be blank, was \"" + workerName + "\"");
    }
    // The rule of template names, so a dynamic step can be named as a template's can.
    if (!Names.isValid(workerName)) {
      throw new IllegalArgumentException("the worker name \"" + workerName + "\" is not valid: it must start with a"
          + " letter or '_' and hold only letters, digits, '_', '-' and '.' (at most " + Names.MAX_LENGTH
          + " characters)");
    }
    return workerName;
  }
}
