package io.brokkr.dsl;

/**
 * The catalog of problems Brokkr reports about a saga, each with a stable id that tools and users
 * can search for. Messages are built by {@link Messages}.
 */
public enum ProblemKind {
  EMPTY_SAGA("Brokkr/EmptySaga"),
  INVALID_NAME("Brokkr/InvalidName"),
  DUPLICATE_STEP("Brokkr/DuplicateStep"),
  DUPLICATE_INPUT("Brokkr/DuplicateInput"),
  UNKNOWN_DEPENDENCY("Brokkr/UnknownDependency"),
  DUPLICATE_DEPENDENCY("Brokkr/DuplicateDependency"),
  SELF_DEPENDENCY("Brokkr/SelfDependency"),
  CYCLE("Brokkr/Cycle"),
  UNKNOWN_INPUT("Brokkr/UnknownInput"),
  UNKNOWN_COMPENSATED_STEP("Brokkr/UnknownCompensatedStep"),
  DUPLICATE_COMPENSATION("Brokkr/DuplicateCompensation"),
  INVALID_RETRY("Brokkr/InvalidRetry"),
  INVALID_TIMEOUT("Brokkr/InvalidTimeout"),
  /** A YAML file that is not well-formed YAML. */
  YAML_SYNTAX("Brokkr/YamlSyntax"),
  /** A YAML node of the wrong shape, an unknown key or a missing one. */
  YAML_STRUCTURE("Brokkr/YamlStructure"),
  /** Two sagas of one build with the same name. */
  DUPLICATE_SAGA("Brokkr/DuplicateSaga"),
  /** Versioning lint: a saga of the previous version that is gone. */
  REMOVED_SAGA("Brokkr/RemovedSaga"),
  /** Versioning lint: a step of the previous version that is gone. */
  REMOVED_STEP("Brokkr/RemovedStep"),
  /** Versioning lint: a step of the previous version that seems to have a new name. */
  RENAMED_STEP("Brokkr/RenamedStep"),
  /** Versioning lint: a step whose dependencies, or their order, changed. */
  CHANGED_DEPENDENCY("Brokkr/ChangedDependency");

  private final String id;

  ProblemKind(String id) {
    this.id = id;
  }

  /** The stable id, e.g. {@code Brokkr/Cycle}. */
  public String id() {
    return id;
  }
}
