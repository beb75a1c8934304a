package io.brokkr.runtime.internal;

import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.spi.SagaStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Announces this node in the store (id, host, workers, concurrency, running attempts) at start, when
 * a worker registers and every {@link NodeInfo#ANNOUNCE_EVERY_SECONDS} seconds; an announcement lasts
 * three periods, so a node that dies drops out of {@code liveNodes} within 30 s.
 */
final class Announcer {
  static final Duration EVERY = Duration.ofSeconds(NodeInfo.ANNOUNCE_EVERY_SECONDS);
  static final Duration LASTS = EVERY.multipliedBy(3);

  private final SagaStore store;
  private final NodeOptions options;
  private final Timers timers;
  private final Supplier<Set<String>> workers;
  private final IntSupplier running;
  private final String host = hostName();

  Announcer(SagaStore store, NodeOptions options, Timers timers, Supplier<Set<String>> workers, IntSupplier running) {
    this.store = store;
    this.options = options;
    this.timers = timers;
    this.workers = workers;
    this.running = running;
  }

  /** Announces now, then every period on the node's timer thread. */
  void start() {
    announce();
    timers.every(EVERY, this::announce);
  }

  void announce() {
    store.announce(new NodeInfo(options.nodeId(), host, workers.get(), options.concurrency(), running.getAsInt(),
        timers.now()), LASTS);
  }

  /** Takes the announcement back: the node closes. */
  void withdraw() {
    store.withdraw(options.nodeId());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
