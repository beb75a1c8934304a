package io.brokkr.dsl;

import java.util.List;

/**
 * Every problem found in a saga template, in a stable order (saga-level problems, then per step in
 * declaration order, then cycles), so that one compile shows all of them.
 *
 * @param problems the problems; empty when the template is valid
 */
public record ValidationReport(List<Problem> problems) {

  /**
   * Copies the list.
   *
   * @param problems the problems, in the stable order; empty when the template is valid
   */
  public ValidationReport {
    problems = List.copyOf(problems);
  }

  /** {@return whether the template has no problem} */
  public boolean isValid() {
    return problems.isEmpty();
  }

  /**
   * Throws when there is a problem.
   *
   * @param sagaName the saga the problems are about, named in the exception's message
   * @throws SagaValidationException carrying every problem
   */
  public void throwIfInvalid(String sagaName) {
    if (!isValid()) {
      throw new SagaValidationException(sagaName, this);
    }
  }
}
