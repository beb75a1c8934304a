package io.brokkr.runtime.spi;

import java.time.Clock;

/**
 * Where the sagas of several namespaces are kept, shared by every node that opens a store on it:
 * two nodes over one backend see the same sagas and share the ready work.
 */
@FunctionalInterface
public interface StoreBackend {

  /**
   * Opens the view of one node on one namespace. The node closes it when it shuts down. The view
   * reads {@code clock} wherever it needs the time (its sweep of due timers), so that leases,
   * deadlines and sweeps of one node agree on one clock.
   *
   * @param namespace the namespace whose sagas the view reads and writes; sagas of other namespaces
   *     are invisible to it
   * @param clock the node's clock
   * @return the view, to close when the node shuts down
   * @throws IllegalArgumentException quoting the namespace when it is blank
   */
  SagaStore open(String namespace, Clock clock);

  /**
   * {@link #open(String, Clock)} on the system clock in UTC.
   *
   * @param namespace the namespace whose sagas the view reads and writes
   * @return the view, to close when the node shuts down
   */
  default SagaStore open(String namespace) {
    return open(namespace, Clock.systemUTC());
  }
}
