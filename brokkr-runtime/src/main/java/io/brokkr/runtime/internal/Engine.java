package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;

/** What the views of sagas and steps share: the node's store and helpers. */
record Engine(SagaStore store, Json json, NodeOptions options, Changes changes, Outcomes outcomes) {

  /** The saga as stored now. */
  SagaSnapshot load(String sagaId) {
    return store.load(sagaId).orElseThrow(() -> new IllegalStateException(
        "no saga " + sagaId + " in namespace \"" + store.namespace() + "\""));
  }
}
