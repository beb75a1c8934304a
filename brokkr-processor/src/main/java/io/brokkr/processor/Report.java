package io.brokkr.processor;

import io.brokkr.dsl.Problem;
import io.brokkr.dsl.ProblemKind;

/**
 * A problem and where to report it.
 *
 * @param problem what is wrong, from the catalog
 * @param site the narrowest place at fault
 */
record Report(Problem problem, Site site) {

  /** Whether the problem is only a warning: the saga still compiles and runs. */
  boolean isWarning() {
    return problem.kind() == ProblemKind.UNUSED_RESULT;
  }
}
