package io.brokkr.runtime;

import io.brokkr.dsl.SagaTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RedissonClient;

/**
 * A Brokkr node: it stores sagas, runs the steps of the workers registered on it and advances the
 * sagas of its namespace. Several nodes over one store share the work, each running only the
 * workers it registered. Close it to stop its workers and release its resources.
 */
public interface Brokkr extends AutoCloseable {

  /** {@return a node on a new embedded in-memory store, in the default namespace} */
  static Brokkr inMemory() {
    return builder().inMemory();
  }

  /**
   * {@return a node on a new embedded in-memory store, in {@code namespace}}
   *
   * @param namespace the namespace of the node's sagas, not blank
   * @throws IllegalArgumentException when the namespace is blank
   */
  static Brokkr inMemory(String namespace) {
    return builder().namespace(namespace).inMemory();
  }

  /**
   * {@return a node on Redis, in the default namespace, with the default {@link RedisOptions}} The client is
   * the application's (single server, sentinel or cluster; TLS, user and password are its config).
   *
   * @param client the application's Redisson client; closing the node does not shut it down
   */
  static Brokkr redis(RedissonClient client) {
    return builder().redis(client);
  }

  /**
   * {@return a node on Redis, in {@code namespace}, with the default {@link RedisOptions}}
   *
   * @param client the application's Redisson client; closing the node does not shut it down
   * @param namespace the namespace of the node's sagas: 1 to 64 letters, digits, '.', '_' or '-'
   * @throws IllegalArgumentException when the namespace breaks those rules
   */
  static Brokkr redis(RedissonClient client, String namespace) {
    return builder().namespace(namespace).redis(client);
  }

  /** {@return a builder of a node's options: namespace, worker concurrency, default retry policy, clock, listeners} */
  static BrokkrBuilder builder() {
    return new BrokkrBuilder();
  }

  /** {@return the namespace this node works in} */
  String namespace();

  /** {@return this node's id: its name in leases, logs and the live nodes ({@link BrokkrBuilder#nodeId})} */
  String nodeId();

  /**
   * Registers a worker: steps of its name, queued on this node's store, run here.
   *
   * @param worker the worker, by its name
   * @throws IllegalArgumentException when a worker of that name is registered already
   */
  void registerWorker(Worker worker);

  /**
   * Registers several workers; see {@link #registerWorker(Worker)}.
   *
   * @param workers the workers, each of its own name
   * @throws IllegalArgumentException when a worker of one of those names is registered already
   */
  void registerWorkers(Worker... workers);

  /** Stops taking new steps; attempts already running go on. */
  void stopWorkers();

  /** Takes steps again after {@link #stopWorkers()}. */
  void startWorkers();

  /** {@return a new, empty saga in state CREATED, without a name, under a new id} */
  Saga createSaga();

  /**
   * Creates an empty saga in state CREATED with a name, by which {@link #findSagas} finds it (a
   * template's sagas carry the template's name).
   *
   * @param name 1 to 200 characters without '{', '}' or control characters
   * @return the new saga, under a new id
   * @throws IllegalArgumentException when the name breaks those rules
   */
  Saga createSaga(String name);

  /**
   * Async variant of {@link #createSaga()}; like every async variant of the API it runs on the
   * caller's thread, and the stage completes when the store has applied the call.
   *
   * @return a stage of the new saga
   */
  CompletionStage<Saga> createSagaAsync();

  /**
   * {@return the saga of that id in this namespace, if there is one; empty also once its retention
   * dropped it}
   *
   * @param sagaId the saga's id, as {@link Saga#getId()} gives it
   */
  Optional<Saga> getSaga(String sagaId);

  /**
   * One page of the sagas of this namespace that match {@code query}, by last change, newest first.
   * Ask for the next page with {@code query.after(page.nextCursor().get())}. Sagas dropped after
   * their retention are not found.
   *
   * @param query the filters, the page size and where the page starts
   * @return the page, with a cursor when more sagas match
   */
  SagaPage findSagas(SagaQuery query);

  /** {@return how many sagas this namespace keeps, by status (every status listed, 0 where none)} */
  Map<SagaStatus, Long> countSagas();

  /** {@return the live nodes of this namespace, this one included, by id: each as it last announced itself} */
  List<NodeInfo> liveNodes();

  /**
   * The workers with steps ready to run that no live node hosts: those steps wait until a node
   * registers their worker. Find their sagas with {@code findSagas(SagaQuery.all().waitingOn(worker))}.
   *
   * @return each such worker's name with how many of its steps are ready; empty when every ready step
   *     has a live node for its worker
   */
  Map<String, Long> strandedWorkers();

  /**
   * The ready queues of this namespace: for each worker with steps ready to run (queued, not waiting
   * out a retry's backoff), how many there are and when the one that has waited longest was queued.
   * A queue that grows, or whose oldest step gets old, needs more nodes for its worker (or one at
   * all: see {@link #strandedWorkers()}).
   *
   * @return the queues sorted by worker name; only workers with ready steps
   */
  List<ReadyQueue> readyQueues();

  /**
   * Adds a listener to this node while it runs, as {@link BrokkrBuilder#listener} does at build time:
   * from the next transition on, it sees every saga and step transition of the namespace, on the
   * node's listener thread, until the returned subscription is closed. For what attaches to a node it
   * did not build (a dashboard, a bridge).
   *
   * @param listener the listener; adding one twice makes it see each transition twice
   * @return the subscription; closing it removes the listener (once; a second close does nothing)
   * @throws IllegalStateException when the node is closing or closed
   */
  Subscription addListener(SagaListener listener);

  /** A listener added by {@link #addListener}: closing it removes the listener. */
  interface Subscription extends AutoCloseable {
    /** Removes the listener; it sees no transition that comes after. Idempotent. */
    @Override
    void close();
  }

  /**
   * Starts a saga from a template: one step per template step, whose id is the step's name and whose
   * args are the values of the step's inputs, and one compensator per template compensation.
   *
   * @param template the saga's steps, compensations and inputs, as the DSL, YAML or processor built it
   * @param inputs a value for every input the template declares
   * @return a handle on the running saga, whose outcome carries every step's result
   * @throws io.brokkr.dsl.SagaValidationException when the template is invalid
   * @throws IllegalArgumentException naming the input when one is missing, unknown or not JSON-encodable
   */
  SagaHandle<StepResults> start(SagaTemplate template, Map<String, ?> inputs);

  /**
   * Resumes every unfinished saga of the namespace on this node: re-queues steps whose attempt was
   * lost, re-arms timers and wakes the workers.
   *
   * @return how many sagas were resumed
   */
  int restorePreviousState();

  /** Stops the workers and releases this node's resources; the stored sagas stay. */
  @Override
  void close();
}
