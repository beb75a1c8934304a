package io.brokkr.bench;

import java.util.HashSet;
import java.util.Set;

/**
 * Which case is the first of its process: a JIT compiles a peer's hot code during its first seconds
 * under load, so that case warms up for at least {@code seconds}. A peer in the bench's JVM is warmed by
 * its first case; a peer with a process per case (BullMQ's Node) by every case.
 */
final class FirstCases {
  private final int seconds;
  private final Set<Peer> warmed = new HashSet<>();

  FirstCases(int seconds) {
    this.seconds = seconds;
  }

  /** The case as {@code peer} runs it: warming up for the seconds when it is the first of its process. */
  Case asRun(Peer peer, Case c) {
    return peer.processPerCase() || warmed.add(peer) ? c.warmingFor(seconds) : c;
  }
}
