package io.brokkr.runtime.spi;

/** Receives the events of a namespace; see {@link SagaStore#subscribe}. */
@FunctionalInterface
public interface StoreListener {

  /**
   * Called once per event; must not block for long.
   *
   * @param event a transition of one saga or step, or work that became ready
   */
  void onEvent(StoreEvent event);
}
