package io.brokkr.dsl.yaml;

import io.brokkr.dsl.Problem;
import java.util.Comparator;
import java.util.Objects;

/**
 * A problem of a YAML saga file, at the node at fault.
 *
 * @param location the file, line and column of the offending node
 * @param problem what is wrong
 */
public record YamlProblem(SourceLocation location, Problem problem) {

  /** The order a reader fixes problems in: files by path, then top to bottom, left to right. */
  public static final Comparator<YamlProblem> BY_LOCATION = Comparator
      .comparing((YamlProblem p) -> p.location().file())
      .thenComparingInt(p -> p.location().line())
      .thenComparingInt(p -> p.location().column());

  /**
   * Checks that no component is null.
   *
   * @param location the file, line and column of the offending node
   * @param problem what is wrong
   */
  public YamlProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code file:line:column: [Brokkr/Id] message}, as compilers print errors. */
  @Override
  public String toString() {
    return location + ": " + problem;
  }
}
