package io.brokkr.runtime;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A live node of a namespace, as it last announced itself ({@link Brokkr#liveNodes()}). A node
 * announces itself when it starts, when it registers a worker and every
 * {@link #ANNOUNCE_EVERY_SECONDS} seconds; an announcement lasts three times that, and a node that
 * closes withdraws its own.
 *
 * @param nodeId the node's id ({@link BrokkrBuilder#nodeId})
 * @param host the name of the machine it runs on
 * @param workers the names of the workers it hosts, sorted
 * @param concurrency how many attempts it runs at once at most
 * @param runningAttempts how many attempts it was running when it announced itself
 * @param lastSeen when it announced itself, by its own clock
 */
public record NodeInfo(String nodeId, String host, Set<String> workers, int concurrency, int runningAttempts,
    Instant lastSeen) {

  /** Seconds between two announcements of a node. */
  public static final int ANNOUNCE_EVERY_SECONDS = 10;

  /**
   * Checks that no component is null; sorts the workers.
   *
   * @param nodeId the node's id
   * @param host the name of the machine it runs on
   * @param workers the names of the workers it hosts
   * @param concurrency how many attempts it runs at once at most
   * @param runningAttempts how many attempts it was running when it announced itself
   * @param lastSeen when it announced itself, by its own clock
   */
  public NodeInfo {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(host, "host");
    workers = Collections.unmodifiableSet(new TreeSet<>(workers));
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
