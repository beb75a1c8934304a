package io.brokkr.runtime.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one store operation did.
 *
 * @param applied false when the operation was a no-op: a duplicate or late completion, a stale
 *     fencing token, a step that was no longer waiting for its backoff
 * @param ready the steps that became claimable, with their worker names; they were also pushed to
 *     the worker's ready queue and announced to the nodes of that worker by a {@link StoreEvent.WorkReady}
 * @param retryAt when a failed attempt will be retried: the caller arms a timer that calls
 *     {@link SagaStore#requeue} then
 * @param claims the steps the operation claimed at once for the caller
 *     ({@link SagaStore#finishAndClaim}, {@link SagaStore#createStartAndClaim}): steps it made ready,
 *     which are not among {@code ready}, or queued ones; a completion's may be another saga's step
 *     (see {@link SagaStore#finishAndClaim(StepRef, Settler, Optional, ClaimRequest, int)})
 * @param settling the saga, when the operation settled it; the view also tells its own listeners
 *     ({@link StoreListener#settledHere})
 */
public record Change(boolean applied, List<Ready> ready, Optional<Instant> retryAt, List<Claim> claims,
    Optional<Settling> settling) {

  /**
   * A step that became claimable by the workers of {@code workerName}.
   *
   * @param step the step now in its worker's ready queue
   * @param workerName the worker that runs it
   */
  public record Ready(StepRef step, String workerName) {
    /**
     * Checks that no component is null.
     *
     * @param step the step now in its worker's ready queue
     * @param workerName the worker that runs it
     */
    public Ready {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(workerName, "workerName");
    }
  }

  /** Nothing happened. */
  public static final Change NONE = new Change(false, List.of(), Optional.empty());

  /**
   * Checks that no component is null; copies the lists.
   *
   * @param applied false when the operation was a no-op
   * @param ready the steps that became claimable
   * @param retryAt when a failed attempt will be retried; empty when none will be
   * @param claims the steps claimed at once for the caller
   * @param settling the saga, when the operation settled it
   */
  public Change {
    ready = List.copyOf(ready);
    Objects.requireNonNull(retryAt, "retryAt");
    claims = List.copyOf(claims);
    Objects.requireNonNull(settling, "settling");
  }

  /**
   * A change that settled no saga.
   *
   * @param applied false when the operation was a no-op
   * @param ready the steps that became claimable
   * @param retryAt when a failed attempt will be retried; empty when none will be
   * @param claims the steps claimed at once for the caller
   */
  public Change(boolean applied, List<Ready> ready, Optional<Instant> retryAt, List<Claim> claims) {
    this(applied, ready, retryAt, claims, Optional.empty());
  }

  /**
   * A change that claimed nothing.
   *
   * @param applied false when the operation was a no-op
   * @param ready the steps that became claimable
   * @param retryAt when a failed attempt will be retried; empty when none will be
   */
  public Change(boolean applied, List<Ready> ready, Optional<Instant> retryAt) {
    this(applied, ready, retryAt, List.of(), Optional.empty());
  }

  /** {@return the first step claimed for the caller, if any} */
  public Optional<Claim> claimed() {
    return claims.isEmpty() ? Optional.empty() : Optional.of(claims.get(0));
  }

  /**
   * {@return this change with {@code claim} also taken for the caller: its step is no longer among the ready ones}
   *
   * @param claim a claim of one of the steps this change made ready
   */
  public Change claiming(Claim claim) {
    StepRef step = claim.step().ref();
    List<Claim> all = new ArrayList<>(claims);
    all.add(claim);
    List<Ready> stillReady = new ArrayList<>(ready.size());
    for (Ready r : ready) {
      if (!r.step().equals(step)) {
        stillReady.add(r);
      }
    }
    return new Change(applied, stillReady, retryAt, all, settling);
  }
}
