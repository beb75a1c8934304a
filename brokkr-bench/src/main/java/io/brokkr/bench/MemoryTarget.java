package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
import java.util.Optional;

/** Brokkr on its embedded in-memory store: the engine's own cost, without Redis. */
final class MemoryTarget implements BrokkrTarget {
  private final Observed.Signals signals;

  /** {@code signals}: the metrics and tracing on ({@link Observed}). */
  MemoryTarget(Observed.Signals signals) {
    this.signals = signals;
  }

  @Override
  public String name() {
    return "brokkr-memory" + signals.suffix();
  }

  @Override
  public Optional<RedisAddress> redis() {
    return Optional.empty();
  }

  @Override
  public Brokkr node(String namespace, int concurrency) {
    return Observed.with(signals, Brokkr.builder().namespace(namespace).concurrency(concurrency)).inMemory();
  }
}
