package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;

/**
 * What the views of sagas and steps share: the node's store and helpers. The views reach the store
 * only through {@link #store()}, which refuses once the node closed.
 */
record Engine(SagaStore store, Json json, NodeOptions options, Changes changes, Outcomes outcomes, Lifecycle lifecycle,
    Observer observer) {

  /** The node's store; refused with an {@link IllegalStateException} once the node closed. */
  @Override
  public SagaStore store() {
    lifecycle.requireNotClosed();
    return store;
  }

  /** The outcomes of the node; refused once the node closed. */
  @Override
  public Outcomes outcomes() {
    lifecycle.requireNotClosed();
    return outcomes;
  }

  /** The saga as stored now. */
  SagaSnapshot load(String sagaId) {
    return store().load(sagaId).orElseThrow(() -> new IllegalStateException(
        "no saga " + sagaId + " in namespace \"" + store.namespace() + "\""));
  }
}
