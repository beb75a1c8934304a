package io.brokkr.runtime.internal;

import io.brokkr.runtime.SagaListener;
import io.brokkr.runtime.spi.StoreEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each transition to the node's listeners; a listener that throws is logged and skipped. Those
 * of the builder are there from the start; others come and go while the node runs (a copy-on-write
 * list: transitions are read far more often than listeners change).
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final List<SagaListener> listeners;

  Listeners(List<SagaListener> listeners) {
    this.listeners = new CopyOnWriteArrayList<>(listeners);
  }

  /** Adds a listener; the returned call removes it (once). */
  Runnable add(SagaListener listener) {
    listeners.add(listener);
    AtomicBoolean removed = new AtomicBoolean();
    return () -> {
      if (removed.compareAndSet(false, true)) {
        listeners.remove(listener);
      }
    };
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  void saga(StoreEvent.SagaMoved event) {
    each(event, l -> l.onSagaTransition(event.sagaId(), event.from(), event.to()));
  }

  void step(StoreEvent.StepMoved event) {
    each(event, l -> l.onStepTransition(event.sagaId(), event.stepId(), event.from(), event.to()));
  }

  void action(StoreEvent.Acted event) {
    each(event, l -> l.onOperatorAction(event.sagaId(), event.action()));
  }

  private void each(StoreEvent event, Consumer<SagaListener> call) {
    for (SagaListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("listener " + listener + " failed on " + event, e);
      }
    }
  }
}
