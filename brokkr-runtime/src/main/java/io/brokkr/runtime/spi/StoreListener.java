package io.brokkr.runtime.spi;

/** Receives the events of a namespace; see {@link SagaStore#subscribe}. */
@FunctionalInterface
public interface StoreListener {

  /** Called once per event; must not block for long. */
  void onEvent(StoreEvent event);
}
