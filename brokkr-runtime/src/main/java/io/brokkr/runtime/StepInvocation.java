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

  /**
   * {@return arg {@code index}, read as {@code type} by the node's Jackson mapper}
   *
   * @param <T> the type to read
   * @param index the arg's position, from 0
   * @param type the class to read the arg's JSON as
   * @throws IndexOutOfBoundsException when the step has no arg at {@code index}
   */
  <T> T arg(int index, Class<T> type);

  /**
   * {@return arg {@code index}, read as a generic type by the node's Jackson mapper}
   *
   * @param <T> the type to read
   * @param index the arg's position, from 0
   * @param type the type to read the arg's JSON as, e.g. {@code new TypeRef<List<Part>>() {}}
   * @throws IndexOutOfBoundsException when the step has no arg at {@code index}
   */
  <T> T arg(int index, TypeRef<T> type);

  /**
   * {@return the dependencies' results in declared order, as JSON values; {@code null} for a dependency that
   * finished without a result (or with a JSON null)}
   */
  List<@Nullable Object> dependencyResults();

  /**
   * {@return the result of dependency {@code index} (in declared order), read as {@code type}}
   *
   * @param <T> the type to read
   * @param index the dependency's position in the step's {@code dependsOn}, from 0
   * @param type the class to read the result's JSON as
   * @throws IndexOutOfBoundsException when the step has no dependency at {@code index}
   */
  <T> T dependencyResult(int index, Class<T> type);

  /**
   * {@return the result of dependency {@code index}, read as a generic type}
   *
   * @param <T> the type to read
   * @param index the dependency's position in the step's {@code dependsOn}, from 0
   * @param type the type to read the result's JSON as
   * @throws IndexOutOfBoundsException when the step has no dependency at {@code index}
   */
  <T> T dependencyResult(int index, TypeRef<T> type);

  /**
   * For a compensator: whether the step it compensates is <em>possibly done</em>: an attempt of it
   * timed out, lost its lease, or was cut short when its node closed, and no attempt finished it.
   * Its result is then unknown ({@code null} among the dependency results): the compensator must
   * ask the service what was done, by the step's idempotency key ({@code sagaId + ":" + stepId} of
   * the compensated step), and undo whatever was. Compensators must be idempotent. False for steps.
   *
   * @return true when the compensated step's outcome is unknown; false for a compensator of a step
   *     that finished, and for every step that is not a compensator
   */
  boolean compensatedResultUnknown();

  /**
   * {@return the fencing token of this attempt's lease} Hand it, with the step's id, to whoever settles
   * an async step for this attempt ({@link Saga#attemptFinished(String, long, Object)},
   * {@link Saga#attemptFailed(String, long, String)}): a settle carrying the token of an attempt that
   * was superseded (it timed out and a new attempt runs) or of a step settled already changes nothing.
   */
  long fencingToken();

  /** {@return the saga's id: shortcut for {@code context().sagaId()}} */
  default String sagaId() {
    return context().sagaId();
  }

  /** {@return the step's id: shortcut for {@code context().stepId()}} */
  default String stepId() {
    return context().stepId();
  }

  /** {@return the attempt number, from 1: shortcut for {@code context().attempt()}} */
  default int attempt() {
    return context().attempt();
  }
}
