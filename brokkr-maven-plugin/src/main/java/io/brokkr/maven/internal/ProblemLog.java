package io.brokkr.maven.internal;

import io.brokkr.dsl.yaml.YamlProblem;
import java.util.List;

/** Logs located problems in the order a reader fixes them: files in path order, then top to bottom. */
final class ProblemLog {
  private ProblemLog() {}

  /** Logs the errors, then the warnings, each sorted; the outcome counts them. */
  static Outcome log(List<YamlProblem> errors, List<YamlProblem> warnings, BuildLog log) {
    errors.stream().sorted(YamlProblem.BY_LOCATION).forEach(p -> log.error(p.toString()));
    warnings.stream().sorted(YamlProblem.BY_LOCATION).forEach(p -> log.warn(p.toString()));
    return new Outcome(errors.size(), warnings.size());
  }
}
