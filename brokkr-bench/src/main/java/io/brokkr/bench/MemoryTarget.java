package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
import java.util.Optional;

/** Brokkr on its embedded in-memory store: the engine's own cost, without Redis. */
final class MemoryTarget implements BrokkrTarget {
  private final boolean observed;

  /** {@code observed}: with metrics and tracing on ({@link Observed}). */
  MemoryTarget(boolean observed) {
    this.observed = observed;
  }

  @Override
  public String name() {
    return observed ? "brokkr-memory-observed" : "brokkr-memory";
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.empty();
  }

  @Override
  public Brokkr node(String namespace, int concurrency) {
    return Observed.onIf(observed, Brokkr.builder().namespace(namespace).concurrency(concurrency)).inMemory();
  }
}
