package io.brokkr.dsl.yaml;

import io.brokkr.dsl.SagaTemplate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sagas read from a YAML source and every problem found in it.
 *
 * @param sagas every saga the source describes well enough to build, valid or not, in written order
 * @param problems every problem, by line and column
 */
public record YamlSagas(List<SagaTemplate> sagas, List<YamlProblem> problems) {

  /**
   * Copies the lists.
   *
   * @param sagas every saga the source describes well enough to build, in written order
   * @param problems every problem, by line and column; empty when the source is valid
   */
  public YamlSagas {
    sagas = List.copyOf(sagas);
    problems = List.copyOf(problems);
  }

  /** {@return whether the source has no problem} */
  public boolean isValid() {
    return problems.isEmpty();
  }

  /**
   * The sagas, when the source has no problem.
   *
   * @return every saga, in written order
   * @throws IllegalArgumentException listing every problem, one per line, otherwise
   */
  public List<SagaTemplate> orThrow() {
    if (!isValid()) {
      throw new IllegalArgumentException(problems.stream().map(YamlProblem::toString)
          .collect(Collectors.joining("\n", "invalid saga YAML:\n", "")));
    }
    return sagas;
  }
}
