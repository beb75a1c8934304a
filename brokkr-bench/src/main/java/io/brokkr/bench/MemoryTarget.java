package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
import java.util.Optional;

/** Brokkr on its embedded in-memory store: the engine's own cost, without Redis. */
final class MemoryTarget implements BrokkrTarget {

  @Override
  public String name() {
    return "brokkr-memory";
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.empty();
  }

  @Override
  public Brokkr node(String namespace, int concurrency) {
    return Brokkr.builder().namespace(namespace).concurrency(concurrency).inMemory();
  }
}
