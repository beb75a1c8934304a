package io.brokkr.bench;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.InMemoryBackend;
import java.time.Duration;
import java.util.Optional;

/** Brokkr on its embedded in-memory store: the engine's own cost, without Redis. */
final class MemoryTarget implements BrokkrTarget {
  private final Observed.Signals signals;
  private final Duration retention;

  /**
   * {@code signals}: the metrics and tracing on ({@link Observed}); {@code retention}: how long each
   * node's store keeps a settled saga.
   */
  MemoryTarget(Observed.Signals signals, Duration retention) {
    this.signals = signals;
    this.retention = retention;
  }

  /** How long each node's store keeps a settled saga. */
  Duration retention() {
    return retention;
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
    return Observed.with(signals, Brokkr.builder().namespace(namespace).concurrency(concurrency))
        .build(InMemoryBackend.create(retention));
  }
}
