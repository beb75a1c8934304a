package io.brokkr.test;

import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StoreBackend;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory backend, keeping the store views it opens so that the kit can fire their due
 * timers at once when the test moves the clock, rather than at the stores' next sweep.
 */
final class ClockedBackend implements StoreBackend {
  private final InMemoryBackend sagas = InMemoryBackend.create();
  private final List<SagaStore> opened = new CopyOnWriteArrayList<>();

  @Override
  public SagaStore open(String namespace, Clock clock) {
    SagaStore store = sagas.open(namespace, clock);
    opened.add(store);
    return store;
  }

  /** Fires the timers due at {@code now} (backoffs that ended, deadlines and leases that passed). */
  void fireDue(Instant now) {
    for (SagaStore store : opened) {
      store.fireDue(now);
    }
  }
}
