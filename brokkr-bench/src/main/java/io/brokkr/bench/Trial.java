package io.brokkr.bench;

/**
 * A case opened on one peer: warmed up, then measured one run at a time, so that the peers of a case
 * can take turns and a moment of the host weighs on each of them alike.
 */
interface Trial extends AutoCloseable {

  /** Takes the {@link RunKind#SETTLE} run, in turn with the other peers', before the measured ones. */
  void settle() throws Exception;

  /** Whether another measured run is due: fewer than the case's runs so far, and its budget allows one. */
  boolean wantsMore();

  /** Takes one measured run, read by the trial's meter. */
  void measure() throws Exception;

  /** Runs the probe when the case has one and gives every run taken. */
  Peer.Runs finish() throws Exception;

  /** The settle run, every measured run in a row, then the probe: the case on this peer alone. */
  default Peer.Runs runAll() throws Exception {
    settle();
    while (wantsMore()) {
      measure();
    }
    return finish();
  }

  @Override
  default void close() throws Exception {}
}
