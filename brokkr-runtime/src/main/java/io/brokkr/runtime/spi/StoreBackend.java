package io.brokkr.runtime.spi;

/**
 * Where the sagas of several namespaces are kept, shared by every node that opens a store on it:
 * two nodes over one backend see the same sagas and share the ready work.
 */
@FunctionalInterface
public interface StoreBackend {

  /**
   * Opens the view of one node on one namespace. The node closes it when it shuts down.
   *
   * @throws IllegalArgumentException quoting the namespace when it is blank
   */
  SagaStore open(String namespace);
}
