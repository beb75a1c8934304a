package io.brokkr.runtime.spi;

/**
 * Receives the events of a namespace; see {@link SagaStore#subscribe}. Besides the events, which
 * every node hears, a view tells its own listeners, and no other view's, what the transitions that it
 * made (a call through it, or its own sweep) settled or expired: each such fact reaches one node.
 */
@FunctionalInterface
public interface StoreListener {

  /**
   * Called once per event; must not block for long.
   *
   * @param event a transition of one saga or step, or work that became ready
   */
  void onEvent(StoreEvent event);

  /**
   * A transition made by this view, a call through it or its own sweep, settled a saga. Called on
   * the thread that made the call or swept; must not block.
   *
   * @param settling the saga that settled
   */
  default void settledHere(Settling settling) {}

  /**
   * This view's sweep failed an attempt whose lease expired (its node stopped renewing it: it died,
   * paused, or lost the store); the step is retried or failed per its policy. A deadline that passed
   * is a timeout, not told here. Must not block.
   *
   * @param step the step whose attempt lost its lease
   * @param workerName the step's worker
   */
  default void leaseExpiredHere(StepRef step, String workerName) {}
}
