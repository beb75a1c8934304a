package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.contract.SagaStoreContractTest;
import io.brokkr.runtime.spi.StoreBackend;

/** The contract suite on the embedded in-memory store. */
class InMemorySagaStoreContractTest extends SagaStoreContractTest {

  @Override
  protected StoreBackend newBackend() {
    return InMemoryBackend.create();
  }
}
