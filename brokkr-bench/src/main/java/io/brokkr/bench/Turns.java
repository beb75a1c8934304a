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
   * The peers of a case that take turns with each other, lane by lane in {@link Peer.Lane}'s order,
   * each in the peers' order. A peer's runs wait only for the runs of peers it is compared with: with
   * every peer in one round, BullMQ's Node slept through minutes of Temporal's runs between two of its
   * own, and its chain's p50 rose from 4.3 ms to 4.4 to 10.7. Temporal's peers go last: a light peer's
   * run right after one of theirs paid for collecting their garbage (the floor's CPU per saga rose from
   * 3 to 22 us).
   */
  static List<List<Peer>> groups(List<Peer> peers) {
    List<List<Peer>> groups = new ArrayList<>();
    for (Peer.Lane lane : Peer.Lane.values()) {
      List<Peer> group = peers.stream().filter(peer -> peer.lane() == lane).toList();
      if (!group.isEmpty()) {
        groups.add(group);
      }
    }
    return groups;
  }

  /**
   * Takes each trial's settle run, then every measured run the trials want, each trial's in turn with
   * the others'; a trial that fails takes no further turn. Before each run it calls {@code
   * collectHeap}, so that no run pays for collecting the garbage of the runs before it: the floor's
   * runs after the memory store's cost it 4 to 127 us of CPU a saga, against 4 to 5 with the heap
   * collected before each run.
   *
   * @param trials the open trials by peer name, in the report's order
   * @return why each failed trial failed, by peer name
   */
  static Map<String, String> take(Map<String, Trial> trials, PrintStream log, Runnable collectHeap) {
    Map<String, String> failures = new LinkedHashMap<>();
    List<String> order = new ArrayList<>(trials.keySet());
    for (String peer : order) {
      attempt(peer, "settle on", trials.get(peer)::settle, failures, log, collectHeap);
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
        attempt(peer, "run " + round + " on", trial::measure, failures, log, collectHeap);
      }
      Collections.reverse(order);
    }
    return failures;
  }

  private interface Step {
    void run() throws Exception;
  }

  /**
   * Collects the heap, runs one step of a peer's trial and logs how long the step took, or why it
   * failed into {@code failures}.
   */
  private static void attempt(String peer, String what, Step step, Map<String, String> failures, PrintStream log,
      Runnable collectHeap) {
    collectHeap.run();
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
