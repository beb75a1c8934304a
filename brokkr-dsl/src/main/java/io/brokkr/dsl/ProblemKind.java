package io.brokkr.dsl;

/**
 * The catalog of problems Brokkr reports about a saga, each with a stable id that tools and users
 * can search for. Messages are built by {@link Messages}.
 */
public enum ProblemKind {
  /** A saga without steps. */
  EMPTY_SAGA("Brokkr/EmptySaga"),
  /** A saga, step, worker or input name that breaks the naming rule of {@link Names}. */
  INVALID_NAME("Brokkr/InvalidName"),
  /** Two steps of one name. */
  DUPLICATE_STEP("Brokkr/DuplicateStep"),
  /** Two inputs of one name. */
  DUPLICATE_INPUT("Brokkr/DuplicateInput"),
  /** A dependency on a step the saga does not declare. */
  UNKNOWN_DEPENDENCY("Brokkr/UnknownDependency"),
  /** A dependency listed twice by one step. */
  DUPLICATE_DEPENDENCY("Brokkr/DuplicateDependency"),
  /** A step that depends on itself. */
  SELF_DEPENDENCY("Brokkr/SelfDependency"),
  /** Steps that depend on each other in a cycle. */
  CYCLE("Brokkr/Cycle"),
  /** A step or compensator that uses an input the saga does not declare. */
  UNKNOWN_INPUT("Brokkr/UnknownInput"),
  /** A compensator of a step the saga does not declare. */
  UNKNOWN_COMPENSATED_STEP("Brokkr/UnknownCompensatedStep"),
  /** Two compensators of one step. */
  DUPLICATE_COMPENSATION("Brokkr/DuplicateCompensation"),
  /** A retry attribute out of range or unreadable. */
  INVALID_RETRY("Brokkr/InvalidRetry"),
  /** A timeout that is not positive or unreadable. */
  INVALID_TIMEOUT("Brokkr/InvalidTimeout"),
  /** A YAML file that is not well-formed YAML. */
  YAML_SYNTAX("Brokkr/YamlSyntax"),
  /** A YAML node of the wrong shape, an unknown key or a missing one. */
  YAML_STRUCTURE("Brokkr/YamlStructure"),
  /** A {@code @Saga} class the generated launcher cannot reach: an inner, local or private class. */
  SAGA_CLASS("Brokkr/SagaClass"),
  /** A private or static step or compensator method. */
  METHOD_MODIFIER("Brokkr/MethodModifier"),
  /** An async step whose method returns a value instead of {@code void}. */
  ASYNC_RESULT("Brokkr/AsyncResult"),
  /** A parameter whose type cannot accept the result it receives. */
  PARAMETER_TYPE("Brokkr/ParameterType"),
  /** A parameter named like a step that is not among the method's dependencies. */
  UNDECLARED_DEPENDENCY("Brokkr/UndeclaredDependency"),
  /** A compensator parameter of its step's result type, named unlike the step, that would be a new input. */
  UNNAMED_RESULT("Brokkr/UnnamedResult"),
  /** A dependency whose result no parameter receives (a warning). */
  UNUSED_RESULT("Brokkr/UnusedResult"),
  /** A parameter asking for the result of a step that returns none. */
  VOID_RESULT("Brokkr/VoidResult"),
  /** One saga input declared with two different types. */
  INPUT_TYPE("Brokkr/InputType"),
  /** A {@code @Step} or {@code @Compensate} method outside a {@code @Saga} class. */
  OUTSIDE_SAGA("Brokkr/OutsideSaga"),
  /** An unexpected failure of the annotation processor itself. */
  PROCESSOR_ERROR("Brokkr/ProcessorError"),
  /** Two sagas of one build with the same name. */
  DUPLICATE_SAGA("Brokkr/DuplicateSaga"),
  /** Versioning lint: a saga of the previous version that is gone. */
  REMOVED_SAGA("Brokkr/RemovedSaga"),
  /** Versioning lint: a step of the previous version that is gone. */
  REMOVED_STEP("Brokkr/RemovedStep"),
  /** Versioning lint: a step of the previous version that seems to have a new name. */
  RENAMED_STEP("Brokkr/RenamedStep"),
  /** Versioning lint: a step whose dependencies, or their order, changed. */
  CHANGED_DEPENDENCY("Brokkr/ChangedDependency"),
  /** Two steps or compensators of an annotated saga that run on one worker name. */
  DUPLICATE_WORKER("Brokkr/DuplicateWorker"),
  /** A step or compensator method with type parameters of its own. */
  GENERIC_METHOD("Brokkr/GenericMethod"),
  /** A method annotated with both {@code @Step} and {@code @Compensate}. */
  STEP_AND_COMPENSATOR("Brokkr/StepAndCompensator"),
  /** Two sagas of one build whose names give the same launcher class. */
  LAUNCHER_NAME_CLASH("Brokkr/LauncherNameClash"),
  /** A type of a YAML saga's input or step output that names a class the build cannot find. */
  UNKNOWN_TYPE("Brokkr/UnknownType");

  private final String id;

  ProblemKind(String id) {
    this.id = id;
  }

  /** {@return the stable id, e.g. {@code Brokkr/Cycle}} */
  public String id() {
    return id;
  }
}
