package io.brokkr.runtime.internal;

import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepRef;
import java.util.List;
import java.util.function.Consumer;

/**
 * Acts on what a store operation did: wakes this node's dispatcher for the steps that became ready
 * (without waiting for the store's event), and arms the timer that ends a retry's backoff.
 */
final class Changes {
  private final SagaStore store;
  private final Timers timers;
  private final Consumer<Change.Ready> onReady;

  Changes(SagaStore store, Timers timers, Consumer<Change.Ready> onReady) {
    this.store = store;
    this.timers = timers;
    this.onReady = onReady;
  }

  /** Wakes the workers of the steps that became ready. */
  Change wake(Change change) {
    List<Change.Ready> ready = change.ready();
    for (int i = 0; i < ready.size(); i++) { // by index: an iterator a change, where most make one or none ready
      onReady.accept(ready.get(i));
    }
    return change;
  }

  /** Wakes the workers of the steps that became ready and arms the end of {@code step}'s backoff. */
  Change apply(StepRef step, Change change) {
    wake(change);
    change.retryAt().ifPresent(at -> timers.at(at, () -> apply(step, store.requeue(step))));
    return change;
  }
}
