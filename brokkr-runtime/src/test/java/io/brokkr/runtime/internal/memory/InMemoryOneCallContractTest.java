package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.contract.OneCallContractTest;
import io.brokkr.runtime.spi.SagaStore;

/** createAndStart and finishAndClaim on the embedded in-memory store. */
class InMemoryOneCallContractTest extends OneCallContractTest {
  private final InMemoryBackend backend = InMemoryBackend.create();

  @Override
  protected SagaStore open(String namespace) {
    return backend.open(namespace);
  }
}
