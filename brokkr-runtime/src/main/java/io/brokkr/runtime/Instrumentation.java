package io.brokkr.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a node reports about its work, for metrics and traces: set with
 * {@link BrokkrBuilder#instrumentation(Instrumentation)} (several combine), implemented by the
 * {@code brokkr-micrometer} and {@code brokkr-opentelemetry} modules. Every method has a default that
 * does nothing; a node without instrumentation calls none of them.
 *
 * <p>Each event is reported once, by the node where it happens: the node that creates and starts a
 * saga reports its start; the node whose store call or sweep settled a saga reports its settling;
 * the node that runs an attempt reports how it ended; the node whose sweep fails an attempt whose
 * lease expired reports the expired lease. Methods run on the node's threads (a store call's on the calling
 * thread): keep them short and never throw. Durations are whole nanoseconds ({@code long}), so that
 * reporting one allocates nothing.
 */
public interface Instrumentation {

  /** Reports nothing. */
  Instrumentation NONE = new Instrumentation() {};

  /**
   * A saga is being created by this node. The scope returned is open while the saga is created (and,
   * for a template, started); its {@link Scope#traceContext()} is stored with the saga and handed to
   * every attempt of its steps, on whichever node runs them.
   *
   * @param saga the saga being created
   * @return the scope of the creation; {@link Scope#NONE} for none
   */
  default Scope sagaCreating(SagaInfo saga) {
    return Scope.NONE;
  }

  /**
   * A saga this node created was started.
   *
   * @param namespace the node's namespace
   * @param name the saga's name; empty for a dynamic saga without one
   */
  default void sagaStarted(String namespace, Optional<String> name) {}

  /**
   * A call of this node to its store, or the store's sweep on this node, settled a saga: reported by
   * that node only, whichever node started the saga, so once across the nodes.
   *
   * @param namespace the node's namespace
   * @param name the saga's name; empty for none
   * @param status FINISHED, COMPENSATED or FAILED
   * @param durationNanos from its creation (the store's time) to its settling (this node's clock),
   *     in nanoseconds (whole milliseconds)
   */
  default void sagaSettled(String namespace, Optional<String> name, SagaStatus status, long durationNanos) {}

  /**
   * An attempt claimed by this node starts: the returned scope is open, on the attempt's thread, while
   * its body runs and its end is reported.
   *
   * @param attempt the attempt
   * @return the attempt's scope; {@link Scope#NONE} for none
   */
  default Scope attemptStarting(AttemptInfo attempt) {
    return Scope.NONE;
  }

  /**
   * How long a step waited in its worker's ready queue before this node claimed it.
   *
   * @param namespace the node's namespace
   * @param worker the step's worker
   * @param waitedNanos from the step becoming ready to its claim, in nanoseconds (zero when claimed in
   *     the call that made it ready)
   */
  default void queueWait(String namespace, String worker, long waitedNanos) {}

  /**
   * An attempt run by this node ended.
   *
   * @param namespace the node's namespace
   * @param worker the step's worker
   * @param outcome how it ended
   * @param durationNanos from its body's start to its end, in nanoseconds
   */
  default void attemptEnded(String namespace, String worker, AttemptOutcome outcome, long durationNanos) {}

  /**
   * A compensator run by this node ended its step's compensation: it finished, or failed for good.
   *
   * @param namespace the node's namespace
   * @param worker the compensator's worker
   * @param compensated true when the compensator finished; false when it failed for good
   */
  default void compensationEnded(String namespace, String worker, boolean compensated) {}

  /**
   * The store's sweep on this node failed an attempt, of any node, whose lease expired (its node died,
   * paused or lost the store): this node takes the step over (a retry, or its failure). Reported by
   * that node only; the node that ran the attempt, if alive, reports the attempt as {@code LOST}.
   *
   * @param namespace the node's namespace
   * @param worker the step's worker
   */
  default void leaseExpired(String namespace, String worker) {}

  /**
   * One call of this node to its store returned or failed.
   *
   * @param namespace the node's namespace
   * @param operation the store operation ({@code claimNext}, {@code finishAndClaim}, ...): one of a
   *     few constant strings, the same instance at each call, so it may key a cache
   * @param durationNanos how long it took, in nanoseconds
   */
  default void storeCall(String namespace, String operation, long durationNanos) {}

  /**
   * A node started: its gauges may be read from now until {@link #nodeClosed}.
   *
   * @param node the node's live figures
   */
  default void nodeStarted(NodeGauges node) {}

  /**
   * A node closed: stop reading its gauges.
   *
   * @param node the node's figures, as given to {@link #nodeStarted}
   */
  default void nodeClosed(NodeGauges node) {}

  /** How an attempt ended, as {@link #attemptEnded} reports it. */
  enum AttemptOutcome {
    /** Its step finished. */
    FINISHED,
    /** It failed (the body threw); the step is retried or failed. */
    FAILED,
    /** It passed its timeout. */
    TIMED_OUT,
    /** Its lease expired before it ended; another attempt may run. */
    LOST,
    /** Its report came after the step moved on (settled from outside, or a newer attempt). */
    STALE,
    /** An async body returned: the step waits to be settled from outside. */
    PARKED,
    /** It was handed back uncounted (the node closed, or its executor refused it). */
    HANDED_BACK;

    /** {@return the outcome as a tag value: lower case, words joined by '_'} */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A span, an MDC entry or whatever an instrumentation keeps open around a piece of work; closed on
   * the thread that opened it.
   */
  interface Scope extends AutoCloseable {
    /** Keeps nothing open. */
    Scope NONE = new Scope() {};

    /** {@return the trace context of this scope, to store with a saga; empty for none} */
    default Map<String, String> traceContext() {
      return Map.of();
    }

    /**
     * The work failed with {@code failure}.
     *
     * @param failure what the work threw
     */
    default void failed(Throwable failure) {}

    @Override
    default void close() {}
  }

  /**
   * A saga being created.
   *
   * @param namespace the node's namespace
   * @param sagaId the new saga's id
   * @param name its name; empty for a dynamic saga without one
   */
  record SagaInfo(String namespace, String sagaId, Optional<String> name) {
    /**
     * Checks that no component is null.
     *
     * @param namespace the node's namespace
     * @param sagaId the new saga's id
     * @param name its name; empty for none
     */
    public SagaInfo {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(sagaId, "sagaId");
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An attempt about to run.
   *
   * @param namespace the node's namespace
   * @param sagaId its saga
   * @param stepId its step
   * @param worker the step's worker
   * @param attempt its number, from 1
   * @param compensates for a compensator, the step it compensates
   * @param traceContext the trace context stored with the saga; empty for none
   */
  record AttemptInfo(String namespace, String sagaId, String stepId, String worker, int attempt,
      Optional<String> compensates, Map<String, String> traceContext) {
    /**
     * Checks that no component is null.
     *
     * @param namespace the node's namespace
     * @param sagaId its saga
     * @param stepId its step
     * @param worker the step's worker
     * @param attempt its number, from 1
     * @param compensates for a compensator, the step it compensates; empty for a step
     * @param traceContext the trace context stored with the saga; empty for none
     */
    public AttemptInfo {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(sagaId, "sagaId");
      Objects.requireNonNull(stepId, "stepId");
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(compensates, "compensates");
      traceContext = Map.copyOf(traceContext);
    }
  }

  /** The live figures of a node, read when a gauge is read. */
  interface NodeGauges {
    /** {@return the node's namespace} */
    String namespace();

    /** {@return the node's id} */
    String nodeId();

    /** {@return how many attempts run on the node now} */
    int runningAttempts();

    /** {@return how many more attempts the node could run now} */
    int freePermits();

    /** {@return the names of the workers registered on the node} */
    Set<String> workers();

    /**
     * {@return how many steps are ready to be claimed, by worker: a store call, so read it now and then}
     */
    Map<String, Long> readyByWorker();
  }
}
