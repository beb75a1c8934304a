package io.brokkr.runtime;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A saga, as in the original Brokkr: add steps, start it, and settle async steps from anywhere.
 * Every call reads or changes the stored saga; a rejected call changes nothing. The {@code ...Async}
 * variants run the call on the caller's thread: their stage completes once the store has applied
 * it, or fails with the exception the plain call throws. Its {@link SagaActions} are an operator's:
 * cancel, retry, resolve.
 */
public interface Saga extends SagaActions {

  /** {@return the saga's id} */
  String getId();

  /** {@return the saga's status now} */
  SagaStatus getStatus();

  /**
   * {@return this saga's actions as {@code author} does them: the author recorded in the history and
   * told to listeners; the actions of the saga itself are recorded as the user running the JVM}
   *
   * @param author who acts: an operator's name, a dashboard user
   */
  SagaActions actingAs(String author);

  /**
   * {@return the saga's timeline, oldest first: its creation, every move of the saga and of its
   * steps (with time, node, attempt, fencing token and failure reason) and every operator action;
   * the newest {@value HistoryEntry#LIMIT} entries are kept; dropped with the saga}
   */
  List<HistoryEntry> getHistory();

  /**
   * {@return the saga's name: its template's, or the one given to {@link Brokkr#createSaga(String)};
   * empty for a saga created without one}
   */
  Optional<String> getName();

  /** {@return the saga as a list shows it now: id, name, status, when it was created and last changed} */
  SagaSummary getSummary();

  /**
   * Adds a step without dependencies.
   *
   * @param workerName the worker that runs the step: any node that registered a worker of this name
   * @param args JSON-encodable fixed args, passed to the worker in this order; empty for none
   * @return the new step, with its id
   * @throws IllegalArgumentException when an arg cannot be encoded as JSON
   * @throws IllegalStateException when the saga is settled or compensating
   */
  SagaStep addStep(String workerName, List<?> args);

  /**
   * Adds a step that runs once the steps {@code dependsOnStepIds} finished, receiving their results
   * in this order. A step may be added to a RUNNING saga.
   *
   * @param workerName the worker that runs the step
   * @param args JSON-encodable fixed args, passed to the worker in this order; empty for none
   * @param dependsOnStepIds the ids of steps of this saga, each listed once; empty for none
   * @return the new step, with its id
   * @throws IllegalArgumentException naming the id when a dependency is not a step of this saga, or
   *     when an arg cannot be encoded as JSON
   * @throws IllegalStateException when the saga is settled or compensating
   */
  SagaStep addStep(String workerName, List<?> args, List<String> dependsOnStepIds);

  /**
   * Adds a step as {@link #addStep(String, List, List)} does, with its own retry policy or attempt
   * timeout (an async step that is never settled fails when its timeout passes).
   *
   * @param workerName the worker that runs the step
   * @param args JSON-encodable fixed args, passed to the worker in this order; empty for none
   * @param dependsOnStepIds the ids of steps of this saga, each listed once; empty for none
   * @param options the step's retry policy and attempt timeout, where they differ from the node's
   * @return the new step, with its id
   * @throws IllegalArgumentException as {@link #addStep(String, List, List)}
   * @throws IllegalStateException as {@link #addStep(String, List, List)}
   */
  SagaStep addStep(String workerName, List<?> args, List<String> dependsOnStepIds, StepOptions options);

  /**
   * Starts the saga: steps without dependencies are queued.
   *
   * @throws IllegalStateException when the saga is not CREATED
   */
  void start();

  /**
   * Finishes a step without result; see {@link #stepFinished(String, Object)}.
   *
   * @param stepId the step to finish
   * @return true when this call settled the step; false when it was settled already
   */
  boolean stepFinished(String stepId);

  /**
   * Finishes a running step with a JSON-encodable result, from any thread or node.
   *
   * @param stepId the step to finish
   * @param result the step's result, passed to its dependents and its compensator
   * @return true when this call settled the step; false when it was settled already (a duplicate
   *     or late completion changes nothing)
   * @throws IllegalArgumentException when the step is not part of this saga or the result cannot be
   *     encoded as JSON
   */
  boolean stepFinished(String stepId, Object result);

  /**
   * Fails a step without a reason; see {@link #stepFailed(String, String)}.
   *
   * @param stepId the step to fail
   * @return true when this call settled the step; false when it was settled already
   */
  boolean stepFailed(String stepId);

  /**
   * Fails a running step: the saga compensates (an attempt failed from outside is final, not retried).
   *
   * @param stepId the step to fail
   * @param reason why it failed, recorded on the step and in the saga's outcome
   * @return true when this call settled the step; false when it was settled already
   * @throws IllegalArgumentException when the step is not part of this saga
   */
  boolean stepFailed(String stepId, String reason);

  /**
   * Finishes the attempt of an async step that holds {@code fencingToken}, without result; see
   * {@link #attemptFinished(String, long, Object)}.
   *
   * @param stepId the step to finish
   * @param fencingToken the token of the attempt, from {@link StepInvocation#fencingToken()}
   * @return true when this call settled the step; false when the token is stale or the step settled
   * @throws IllegalArgumentException when the step is not part of this saga
   */
  boolean attemptFinished(String stepId, long fencingToken);

  /**
   * Finishes the attempt of an async step that holds {@code fencingToken}, from any thread or node:
   * the settle of a reply that names its attempt (a Kafka result, say). Unlike
   * {@link #stepFinished(String, Object)}, a reply to an attempt that was superseded (it timed out
   * and the step was retried) or that comes after the step settled is refused.
   *
   * @param stepId the step to finish
   * @param fencingToken the token of the attempt, from {@link StepInvocation#fencingToken()}
   * @param result the step's result, passed to its dependents and its compensator
   * @return true when this call settled the step; false when the token is stale or the step settled
   *     (a late or duplicate reply changes nothing)
   * @throws IllegalArgumentException when the step is not part of this saga or the result cannot be
   *     encoded as JSON
   */
  boolean attemptFinished(String stepId, long fencingToken, Object result);

  /**
   * Fails the attempt of an async step that holds {@code fencingToken}: as a sync worker's exception
   * does, the step is retried per its policy, then fails for good and the saga compensates (unlike
   * {@link #stepFailed(String, String)}, which is final).
   *
   * @param stepId the step whose attempt failed
   * @param fencingToken the token of the attempt, from {@link StepInvocation#fencingToken()}
   * @param reason why it failed, recorded on the step
   * @return true when this call failed the attempt; false when the token is stale or the step settled
   * @throws IllegalArgumentException when the step is not part of this saga
   */
  boolean attemptFailed(String stepId, long fencingToken, String reason);

  /** {@return every step, compensators included, in the order they were added} */
  List<SagaStep> getSteps();

  /**
   * {@return every step, compensators included, in the order they were added, all as of one read of
   * the store} Each getter of a {@link SagaStep} reads the stored saga again; this reads it once,
   * which is what a view of a large saga (a dashboard's graph) needs.
   */
  List<StepSummary> getStepSummaries();

  /**
   * {@return the step of that id, if this saga has one}
   *
   * @param stepId the id of a step or compensator
   */
  Optional<SagaStep> getStep(String stepId);

  /**
   * Completes when the saga settles: FINISHED, COMPENSATED or FAILED. Each call returns a new
   * future, so completing or cancelling it affects no other caller.
   * It completes on the node's callback threads, where callbacks without an executor of their own
   * run one after the other: a callback that blocks, or a backlog of slow ones, delays the outcomes
   * queued behind it by 10 to 20 ms, then more threads take them.
   * A caller blocked in {@code get} or {@code join} on it, or on a stage derived from it, is woken by
   * the node itself and completes the outcome on its own thread, where the saga's callbacks
   * registered without an executor then run, unless the callback thread came first.
   *
   * @return a new future of the saga's outcome, completed at once when the saga settled already
   */
  CompletableFuture<SagaOutcome> getOutcome();

  /**
   * Async variant of {@link #addStep(String, List)}; it completes when the store has applied the
   * call.
   *
   * @param workerName the worker that runs the step
   * @param args JSON-encodable fixed args; empty for none
   * @return a stage of the new step, failed with the exception {@link #addStep(String, List)} throws
   */
  CompletionStage<SagaStep> addStepAsync(String workerName, List<?> args);

  /**
   * Async variant of {@link #addStep(String, List, List)}; it completes when the store has applied
   * the call.
   *
   * @param workerName the worker that runs the step
   * @param args JSON-encodable fixed args; empty for none
   * @param dependsOnStepIds the ids of steps of this saga, each listed once; empty for none
   * @return a stage of the new step, failed with the exception the plain call throws
   */
  CompletionStage<SagaStep> addStepAsync(String workerName, List<?> args, List<String> dependsOnStepIds);

  /**
   * Async variant of {@link #start()}; it completes when the store has applied the call.
   *
   * @return a stage that completes once the saga runs, failed with the exception the plain call throws
   */
  CompletionStage<Void> startAsync();

  /**
   * Async variant of {@link #stepFinished(String, Object)}; it completes when the store has applied
   * the call.
   *
   * @param stepId the step to finish
   * @param result the step's result
   * @return a stage of true when this call settled the step, false when it was settled already
   */
  CompletionStage<Boolean> stepFinishedAsync(String stepId, Object result);

  /**
   * Async variant of {@link #stepFinished(String)}; it completes when the store has applied the call.
   *
   * @param stepId the step to finish
   * @return a stage of true when this call settled the step, false when it was settled already
   */
  CompletionStage<Boolean> stepFinishedAsync(String stepId);

  /**
   * Async variant of {@link #stepFailed(String)}; it completes when the store has applied the call.
   *
   * @param stepId the step to fail
   * @return a stage of true when this call settled the step, false when it was settled already
   */
  CompletionStage<Boolean> stepFailedAsync(String stepId);

  /**
   * Async variant of {@link #stepFailed(String, String)}; it completes when the store has applied
   * the call.
   *
   * @param stepId the step to fail
   * @param reason why it failed
   * @return a stage of true when this call settled the step, false when it was settled already
   */
  CompletionStage<Boolean> stepFailedAsync(String stepId, String reason);
}
