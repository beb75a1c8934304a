package io.brokkr.runtime;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A view of one step of a saga, read from the store when it is asked for. */
public interface SagaStep {

  /** {@return the step's id, unique within its saga} */
  String getId();

  /** {@return the worker that runs the step} */
  String getWorkerName();

  /** {@return the step's status now} */
  StepStatus getStatus();

  /** {@return the ids of the steps this step depends on, in declared order} */
  List<String> getDependsOn();

  /** {@return the step's fixed args, as JSON values; {@code null} for a JSON null} */
  List<@Nullable Object> getArgs();

  /** {@return the step's result as a JSON value, once it finished with one} */
  Optional<Object> getResult();

  /**
   * {@return the step's result read as {@code type}, once it finished with one}
   *
   * @param <T> the type of the result
   * @param type the class the node's Jackson mapper reads the result JSON as
   */
  <T> Optional<T> getResult(Class<T> type);

  /**
   * {@return the results of the dependencies, in declared order, as JSON values; {@code null} for a
   * dependency that has no result (not finished, or finished without one)}
   */
  List<@Nullable Object> getDependencyResults();

  /** {@return the number of the current or last attempt; 0 before the first} */
  int getAttempt();

  /**
   * {@return why the step failed, once it did; while it waits for a retry, why the last attempt failed} A
   * finished step has none.
   */
  Optional<String> getFailureReason();

  /** {@return the compensator of this step, if one was set} */
  Optional<SagaStep> getCompensator();

  /**
   * Sets the compensator of this step: the worker that undoes it if the saga fails. The compensator
   * waits in {@link StepStatus#WAITING_FOR_COMPENSATION}.
   *
   * @param workerName the worker that undoes the step; it receives the step's result
   * @param args JSON-encodable fixed args of the compensator; empty for none
   * @return the compensator step
   * @throws IllegalArgumentException when this step is a compensator itself, or an arg cannot be
   *     encoded as JSON
   * @throws IllegalStateException when the step has a compensator already or the saga is settled or
   *     compensating
   */
  SagaStep compensateWith(String workerName, List<?> args);

  /**
   * Sets the compensator of this step as {@link #compensateWith(String, List)} does, with its own
   * retry policy or attempt timeout (an async compensator that is never settled fails when its
   * timeout passes, and the saga ends FAILED).
   *
   * @param workerName the worker that undoes the step; it receives the step's result
   * @param args JSON-encodable fixed args of the compensator; empty for none
   * @param options the compensator's retry policy and attempt timeout, where they differ from the node's
   * @return the compensator step
   * @throws IllegalArgumentException as {@link #compensateWith(String, List)}
   * @throws IllegalStateException as {@link #compensateWith(String, List)}
   */
  SagaStep compensateWith(String workerName, List<?> args, StepOptions options);
}
