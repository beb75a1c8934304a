package io.brokkr.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an invalid saga template is built or started; carries every problem found. */
public final class SagaValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The saga whose template is invalid. */
  private final String sagaName;
  private final transient ValidationReport report;

  /**
   * An exception for the saga {@code sagaName} carrying every problem of {@code report}; its message
   * lists them all.
   *
   * @param sagaName the saga whose template is invalid
   * @param report the problems found, at least one
   */
  public SagaValidationException(String sagaName, ValidationReport report) {
    super(describe(sagaName, report.problems()));
    this.sagaName = sagaName;
    this.report = report;
  }

  /** {@return the saga whose template is invalid} */
  public String sagaName() {
    return sagaName;
  }

  /** {@return every problem found} */
  public ValidationReport report() {
    return report;
  }

  private static String describe(String sagaName, List<Problem> problems) {
    return "saga \"" + sagaName + "\" is invalid (" + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + "):"
        + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
  }
}
