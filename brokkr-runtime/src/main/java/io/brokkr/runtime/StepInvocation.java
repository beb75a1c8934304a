package io.brokkr.runtime;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a worker receives for one step attempt: the step's fixed args, the results of its
 * dependencies in declared order, the saga and where it runs. For a compensator, the dependency
 * results hold the compensated step's result.
 */
public interface StepInvocation {

  /** {@return the saga, id and attempt of this invocation} */
  StepContext context();

  /** {@return the saga this step belongs to; use it to settle an async step or add steps} */
  Saga saga();

  /**
   * {@return the step's fixed args, as JSON values: String, Number, Boolean, List, Map, and {@code null} for a
   * JSON null}
   */
  List<@Nullable Object> args();

  /** Arg {@code index}, read as {@code type}. */
  <T> T arg(int index, Class<T> type);

  /** Arg {@code index}, read as a generic type. */
  <T> T arg(int index, TypeRef<T> type);

  /**
   * {@return the dependencies' results in declared order, as JSON values; {@code null} for a dependency that
   * finished without a result (or with a JSON null)}
   */
  List<@Nullable Object> dependencyResults();

  /** {@return the result of dependency {@code index} (in declared order), read as {@code type}} */
  <T> T dependencyResult(int index, Class<T> type);

  /** {@return the result of dependency {@code index}, read as a generic type} */
  <T> T dependencyResult(int index, TypeRef<T> type);

  /**
   * For a compensator: whether the step it compensates is <em>possibly done</em>: an attempt of it
   * timed out, lost its lease, or was cut short when its node closed, and no attempt finished it.
   * Its result is then unknown ({@code null} among the dependency results): the compensator must
   * ask the service what was done, by the step's idempotency key ({@code sagaId + ":" + stepId} of
   * the compensated step), and undo whatever was. Compensators must be idempotent. False for steps.
   */
  boolean compensatedResultUnknown();

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
