package io.brokkr.runtime;

import io.brokkr.runtime.internal.memory.MemoryBackend;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import java.time.Clock;

/**
 * The embedded in-memory backend, for development, tests and samples. Nodes built on the same
 * backend behave as nodes of one cluster: they share the sagas and the ready work of a namespace,
 * and each runs only the workers it registered.
 *
 * <pre>{@code
 * InMemoryBackend backend = InMemoryBackend.create();
 * Brokkr heads = Brokkr.builder().build(backend);
 * Brokkr hammers = Brokkr.builder().build(backend);
 * }</pre>
 */
public final class InMemoryBackend implements StoreBackend {
  private final MemoryBackend sagas = new MemoryBackend();

  private InMemoryBackend() {}

  /** A new, empty backend. */
  public static InMemoryBackend create() {
    return new InMemoryBackend();
  }

  @Override
  public SagaStore open(String namespace, Clock clock) {
    return sagas.open(namespace, clock);
  }
}
