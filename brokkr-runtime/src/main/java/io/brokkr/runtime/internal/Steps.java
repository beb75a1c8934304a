package io.brokkr.runtime.internal;

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
    return workerName;
  }
}
