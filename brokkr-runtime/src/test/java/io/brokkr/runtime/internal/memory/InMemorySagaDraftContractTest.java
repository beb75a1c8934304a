package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.contract.SagaDraftContractTest;
import io.brokkr.runtime.spi.SagaStore;

/** createAndStart on the embedded in-memory store. */
class InMemorySagaDraftContractTest extends SagaDraftContractTest {
  private final InMemoryBackend backend = InMemoryBackend.create();

  @Override
  protected SagaStore open(String namespace) {
    return backend.open(namespace);
  }
}
