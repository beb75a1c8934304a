package io.brokkr.dsl;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds every problem message of the catalog, so that the validator, the processor, the plugin and
 * the tests share one wording. Each message says what is wrong, names both parties and suggests a fix.
 */
public final class Messages {
  private Messages() {}

  /** A YAML text that is not well-formed; {@code detail} is the parser's explanation. */
  public static Problem yamlSyntax(String detail) {
    return new Problem(ProblemKind.YAML_SYNTAX, Optional.empty(), "malformed YAML: " + detail);
  }

  /** A YAML node of the wrong shape, an unknown or repeated key, or a missing one. */
  public static Problem yamlStructure(Optional<String> step, String message) {
    return new Problem(ProblemKind.YAML_STRUCTURE, step, message);
  }

  public static Problem emptySaga(String saga) {
    return new Problem(ProblemKind.EMPTY_SAGA, Optional.empty(),
        "saga \"" + saga + "\" has no steps; add at least one step");
  }

  /** {@code what} is e.g. "saga", "step", "worker" or "input". */
  public static Problem invalidName(Optional<String> step, String what, String name) {
    return new Problem(ProblemKind.INVALID_NAME, step,
        "invalid " + what + " name \"" + Names.escape(name) + "\": " + Names.RULE, Optional.of(name));
  }

  public static Problem duplicateStep(String step) {
    return new Problem(ProblemKind.DUPLICATE_STEP, Optional.of(step),
        "step \"" + step + "\" is declared more than once; give each step its own name");
  }

  public static Problem duplicateInput(String input) {
    return new Problem(ProblemKind.DUPLICATE_INPUT, Optional.empty(),
        "input \"" + input + "\" is declared more than once; give each input its own name",
        Optional.of(input));
  }

  public static Problem unknownDependency(String step, String dependency, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_DEPENDENCY, Optional.of(step),
        "step \"" + step + "\" depends on unknown step \"" + dependency + "\"; "
            + suggestion.map(s -> "did you mean \"" + s + "\"?")
                .orElse("declare that step or remove it from dependsOn"),
        Optional.of(dependency));
  }

  public static Problem duplicateDependency(String step, String dependency) {
    return new Problem(ProblemKind.DUPLICATE_DEPENDENCY, Optional.of(step),
        "step \"" + step + "\" lists dependency \"" + dependency + "\" more than once; list it once",
        Optional.of(dependency));
  }

  public static Problem selfDependency(String step) {
    return new Problem(ProblemKind.SELF_DEPENDENCY, Optional.of(step),
        "step \"" + step + "\" depends on itself; remove \"" + step + "\" from its dependsOn",
        Optional.of(step));
  }

  /** {@code path} starts and ends with the same step; each step depends on the next. */
  public static Problem cycle(List<String> path) {
    return new Problem(ProblemKind.CYCLE, Optional.of(path.get(0)),
        "dependency cycle: " + String.join(" -> ", path)
            + " (each step depends on the next); remove one of these dependencies");
  }

  public static Problem unknownInput(String step, String input, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_INPUT, Optional.of(step),
        "step \"" + step + "\" uses unknown input \"" + input + "\"; "
            + suggestion.map(s -> "did you mean \"" + s + "\"?")
                .orElse("declare the input in the saga's inputs"),
        Optional.of(input));
  }

  public static Problem unknownCompensatedStep(
      String compensator, String step, Optional<String> suggestion) {
    return new Problem(ProblemKind.UNKNOWN_COMPENSATED_STEP, Optional.of(step),
        "compensator \"" + compensator + "\" compensates unknown step \"" + step + "\"; "
            + suggestion.map(s -> "did you mean \"" + s + "\"?")
                .orElse("name a step of this saga"));
  }

  public static Problem duplicateCompensation(String step, List<String> compensators) {
    return new Problem(ProblemKind.DUPLICATE_COMPENSATION, Optional.of(step),
        "step \"" + step + "\" has more than one compensator ("
            + compensators.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "))
            + "); keep one");
  }

  /**
   * A retry attribute out of range; {@code rule} says what it must be, e.g. "must be at least 1".
   *
   * @param attribute maxAttempts, backoff, backoffMultiplier or maxBackoff
   */
  public static Problem invalidRetry(String step, String attribute, String rule, String value) {
    return new Problem(ProblemKind.INVALID_RETRY, Optional.of(step),
        "step \"" + step + "\": " + attribute + " " + rule + ", was \"" + value + "\"",
        Optional.of(attribute));
  }

  /** A retry duration that is not a duration at all. */
  public static Problem unreadableRetryDuration(String step, String attribute, String value) {
    return invalidRetry(step, attribute, "must be a duration such as 100ms, 10s or PT10S", value);
  }

  /** A timeout that is not a duration at all. */
  public static Problem unreadableTimeout(String step, String value) {
    return new Problem(ProblemKind.INVALID_TIMEOUT, Optional.of(step),
        "step \"" + step + "\": timeout must be a duration such as 30s, 2m or PT30S, was \"" + value + "\"",
        Optional.of("timeout"));
  }

  public static Problem invalidTimeout(String step, String value) {
    return new Problem(ProblemKind.INVALID_TIMEOUT, Optional.of(step),
        "step \"" + step + "\": timeout must be positive, was \"" + value + "\"",
        Optional.of("timeout"));
  }
}
