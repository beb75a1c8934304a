package io.brokkr.runtime;

import java.util.List;

/**
 * What a worker receives for one step attempt: the step's fixed args, the results of its
 * dependencies in declared order, the saga and where it runs. For a compensator, the dependency
 * results hold the compensated step's result.
 */
public interface StepInvocation {

  /** The saga, id and attempt of this invocation. */
  StepContext context();

  /** The saga this step belongs to; use it to settle an async step or add steps. */
  Saga saga();

  /** The step's fixed args, as JSON values (String, Number, Boolean, List, Map; null for JSON null). */
  List<Object> args();

  /** Arg {@code index}, read as {@code type}. */
  <T> T arg(int index, Class<T> type);

  /** Arg {@code index}, read as a generic type. */
  <T> T arg(int index, TypeRef<T> type);

  /** The dependencies' results in declared order, as JSON values (null for a step without result). */
  List<Object> dependencyResults();

  /** The result of dependency {@code index} (in declared order), read as {@code type}. */
  <T> T dependencyResult(int index, Class<T> type);

  /** The result of dependency {@code index}, read as a generic type. */
  <T> T dependencyResult(int index, TypeRef<T> type);

  /** Shortcut for {@code context().sagaId()}. */
  default String sagaId() {
    return context().sagaId();
  }

  /** Shortcut for {@code context().stepId()}. */
  default String stepId() {
    return context().stepId();
  }

  /** Shortcut for {@code context().attempt()}. */
  default int attempt() {
    return context().attempt();
  }
}
