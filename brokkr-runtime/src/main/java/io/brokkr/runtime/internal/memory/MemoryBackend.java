package io.brokkr.runtime.internal.memory;

import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import io.brokkr.runtime.spi.StoreLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory backend: namespaces of sagas in this JVM, shared by the nodes opened on it. */
public final class MemoryBackend implements StoreBackend {
  private final Map<String, MemoryNamespace> namespaces = new ConcurrentHashMap<>();
  private final Duration retention;
  private final StoreLimits limits;

  /** A backend that drops settled (or never started) sagas {@code retention} after and applies {@code limits}. */
  public MemoryBackend(Duration retention, StoreLimits limits) {
    this.retention = retention;
    this.limits = limits;
  }

  @Override
  public SagaStore open(String namespace, Clock clock) {
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("a namespace must not be blank, was \"" + namespace + "\"");
    }
    return new MemoryStore(namespaces.computeIfAbsent(namespace, name -> new MemoryNamespace(name, retention)), clock, limits);
  }
}
