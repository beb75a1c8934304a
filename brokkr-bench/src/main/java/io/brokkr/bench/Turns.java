package io.brokkr.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs of one case on its peers after their warm-ups, taken in turns: a settle run each, A B,
 * then the measured runs B A, A B, and so on. A host whose speed drifts, or has a slow moment, weighs
 * on every peer of the case alike, where running one peer after the other handed the whole moment to
 * one of them.
 */
final class Turns {
  private Turns() {}

  /**
   * The peers of a case that take turns with each other, in the peers' order: those in this JVM alone,
   * then those on the bench's Redis. A peer's runs wait only for the runs of peers it is compared with:
   * with every peer in one round, BullMQ's Node slept through minutes of Temporal's runs between two of
   * its own, and its chain's p50 rose from 4.3 ms to 4.4 to 10.7.
   */
  static List<List<Peer>> groups(List<Peer> peers) {
    List<List<Peer>> groups = new ArrayList<>();
    for (boolean onRedis : List.of(false, true)) {
      List<Peer> group = peers.stream().filter(peer -> peer.redis().isPresent() == onRedis).toList();
      if (!group.isEmpty()) {
        groups.add(group);
      }
    }
    return groups;
  }

  /**
   * Takes each trial's settle run, then every measured run the trials want, each trial's in turn with
   * the others'; a trial that fails takes no further turn.
   *
   * @param trials the open trials by peer name, in the report's order
   * @return why each failed trial failed, by peer name
   */
  static Map<String, String> take(Map<String, Trial> trials, PrintStream log) {
    Map<String, String> failures = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(trials.keySet());
    for (String peer : order) {
      attempt(peer, "settle on", trials.get(peer)::settle, failures, log);
    }
    Collections.reverse(order);
    int round = 0;
    boolean anyRan = true;
    while (anyRan) {
      anyRan = false;
      round++;
      for (String peer : order) {
        Trial trial = trials.get(peer);
        if (failures.containsKey(peer) || !trial.wantsMore()) {
          continue;
        }
        anyRan = true;
        attempt(peer, "run " + round + " on", trial::measure, failures, log);
      }
      Collections.reverse(order);
    }
    return failures;
  }

  private interface Step {
    void run() throws Exception;
  }

  /** Runs one step of a peer's trial and logs how long it took, or why it failed into {@code failures}. */
  private static void attempt(String peer, String what, Step step, Map<String, String> failures, PrintStream log) {
    long start = System.nanoTime();
    try {
      step.run();
      log.printf("  %-27s %.1f s%n", what + " " + peer, (System.nanoTime() - start) / 1e9);
    } catch (Exception e) {
      failures.put(peer, e.toString());
      log.println("  failed on " + peer + ": " + e);
    }
  }
}
