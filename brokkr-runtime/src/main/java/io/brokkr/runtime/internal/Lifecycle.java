package io.brokkr.runtime.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a node is in its life: open; draining (it takes no new work, and its running attempts may
 * still report); closed (it refuses every call and writes nothing).
 */
final class Lifecycle {
  private enum State { OPEN, DRAINING, CLOSED }

  private final String nodeId;
  private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

  Lifecycle(String nodeId) {
    this.nodeId = nodeId;
  }

  /** Starts closing; false when the node was closing or closed already. */
  boolean beginClose() {
    return state.compareAndSet(State.OPEN, State.DRAINING);
  }

  /** {@return whether the node neither closes nor closed} */
  boolean isOpen() {
    return state.get() == State.OPEN;
  }

  void closed() {
    state.set(State.CLOSED);
  }

  /** For calls that bring new work: refused once the node started closing. */
  void requireOpen() {
    if (state.get() != State.OPEN) {
      throw refused();
    }
  }

  /** For calls on work under way (settling a step, reading a saga): refused once the node closed. */
  void requireNotClosed() {
    if (state.get() == State.CLOSED) {
      throw refused();
    }
  }

  private IllegalStateException refused() {
    return new IllegalStateException("Brokkr node " + nodeId + " is " + (state.get() == State.CLOSED ? "closed" : "closing")
        + "; build a new node to go on");
  }
}
