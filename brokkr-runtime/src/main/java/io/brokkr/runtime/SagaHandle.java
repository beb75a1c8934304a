package io.brokkr.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A started saga: its id, its outcome, and its typed result.
 *
 * @param <R> the type of the saga's result
 */
public final class SagaHandle<R> {
  private final String sagaId;
  private final CompletableFuture<SagaOutcome> outcome;
  private final Function<StepResults, R> resultOf;

  /**
   * A handle whose result is read from the outcome's step results by {@code resultOf}.
   *
   * @param sagaId the saga's id
   * @param outcome completes when the saga settles
   * @param resultOf reads the saga's result from the results of its finished steps
   */
  public SagaHandle(String sagaId, CompletableFuture<SagaOutcome> outcome, Function<StepResults, R> resultOf) {
    this.sagaId = Objects.requireNonNull(sagaId, "sagaId");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.resultOf = Objects.requireNonNull(resultOf, "resultOf");
  }

  /** {@return the saga's id} */
  public String sagaId() {
    return sagaId;
  }

  /**
   * Completes when the saga settles, however it ends. Each call returns a new future, so completing
   * or cancelling it affects no other caller.
   * It completes on the node's callback threads, where callbacks without an executor of their own
   * run one after the other: a callback that blocks, or a backlog of slow ones, delays the outcomes
   * queued behind it by 10 to 20 ms, then more threads take them.
   * A caller blocked in {@code get} or {@code join} on it, or on a stage derived from it, is woken by
   * the node itself and completes the outcome on its own thread, where the saga's callbacks
   * registered without an executor then run, unless the callback thread came first.
   *
   * @return a new future of the saga's outcome
   */
  public CompletableFuture<SagaOutcome> outcome() {
    return outcome.copy();
  }

  /**
   * Completes with the saga's result when it finishes, or exceptionally with a
   * {@link SagaFailedException} when it compensates or fails.
   * It completes as {@link #outcome()} does, a caller blocked on it woken as there.
   *
   * @return a future of the saga's result
   */
  public CompletableFuture<R> result() {
    return outcome.thenApply(o -> {
      if (!o.isFinished()) {
        throw new SagaFailedException(o);
      }
      return resultOf.apply(o.results());
    });
  }

  /**
   * {@return a handle of the same saga whose result is read by {@code mapper} from this one's}
   *
   * @param <U> the type of the new result
   * @param mapper turns this handle's result into the new one; called once per {@link #result()} future
   */
  public <U> SagaHandle<U> map(Function<? super R, ? extends U> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return new SagaHandle<>(sagaId, outcome, results -> mapper.apply(resultOf.apply(results)));
  }
}
