package io.brokkr.bench;

import io.brokkr.bench.Scenario.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The goals of issues 7 and 18, checked against one run's results. */
final class Goals {
  static final String REDIS = "brokkr-redis";
  static final String BULLMQ = "bullmq";
  static final String MEMORY = "brokkr-memory";
  /** How much more a step of the largest scaling saga may cost than one of the smallest and still be flat. */
  static final double FLAT = 1.5;

  /**
   * One goal.
   *
   * @param goal what was aimed at
   * @param measured what the run gave, in words
   * @param met whether it was reached; empty when the run lacks a peer or scenario it needs
   */
  record Goal(String goal, String measured, Optional<Boolean> met) {}

  private Goals() {}

  static List<Goal> check(List<CaseResult> results) {
    List<Goal> goals = new ArrayList<>();
    goals.add(ratio(results, "hammer throughput at least 3x BullMQ's", Scenario.HAMMER_THROUGHPUT, Metric.SAGAS_PER_S, 3));
    goals.add(ratio(results, "hammer latency (p50) at most half of BullMQ's", Scenario.HAMMER_LATENCY, Metric.P50, 2));
    goals.add(ratio(results, "chain latency (p50) at most half of BullMQ's", Scenario.CHAIN, Metric.P50, 2));
    goals.add(roundTrips(results));
    goals.add(ahead(results, MEMORY, TemporalPeer.IN_PROCESS));
    goals.add(ahead(results, REDIS, TemporalPeer.GRPC));
    goals.add(nearTheFloor(results));
    for (String peer : List.of(MEMORY, REDIS)) {
      for (Shape shape : List.of(Shape.CHAIN, Shape.FANOUT)) {
        goals.add(flat(results, peer, shape));
      }
    }
    return goals;
  }

  private static Goal ratio(List<CaseResult> results, String goal, Scenario scenario, Metric metric, double needed) {
    Optional<Stat> ours = find(results, REDIS, scenario).flatMap(r -> r.stat(metric));
    Optional<Stat> theirs = find(results, BULLMQ, scenario).flatMap(r -> r.stat(metric));
    if (ours.isEmpty() || theirs.isEmpty()) {
      return new Goal(goal, "not measured: the run lacks " + (ours.isEmpty() ? REDIS : BULLMQ) + " on " + scenario.cliName(),
          Optional.empty());
    }
    double advantage = Numbers.advantage(metric, ours.get().median(), theirs.get().median());
    String measured = String.format(Locale.ROOT, "%s %s vs %s: x%.2f", metric.label(), Numbers.format(ours.get().median()),
        Numbers.format(theirs.get().median()), advantage);
    return new Goal(goal, measured, Optional.of(advantage >= needed));
  }

  /**
   * Brokkr ahead of a Temporal peer on every case both ran: sagas/s where sagas are submitted at
   * once, p50 where one is in flight.
   */
  private static Goal ahead(List<CaseResult> results, String ours, String theirs) {
    String goal = ours + " ahead of " + theirs + " on every scenario";
    List<String> measured = new ArrayList<>();
    boolean everywhere = true;
    for (CaseResult mine : results) {
      if (!mine.peer().equals(ours) || mine.error().isPresent()) {
        continue;
      }
      Metric metric = mine.c().scenario().allAtOnce() ? Metric.SAGAS_PER_S : Metric.P50;
      Optional<Stat> us = mine.stat(metric);
      Optional<Stat> them = results.stream().filter(r -> r.peer().equals(theirs) && r.c().equals(mine.c()))
          .findFirst().flatMap(r -> r.stat(metric));
      if (us.isPresent() && them.isPresent() && us.get().median() > 0 && them.get().median() > 0) {
        double advantage = Numbers.advantage(metric, us.get().median(), them.get().median());
        everywhere &= advantage > 1;
        measured.add(String.format(Locale.ROOT, "%s x%.2f", mine.c().label(), advantage));
      }
    }
    if (measured.isEmpty()) {
      return new Goal(goal, "not measured: no case has both " + ours + " and " + theirs, Optional.empty());
    }
    return new Goal(goal, "sagas/s or p50: " + String.join(", ", measured), Optional.of(everywhere));
  }

  private static Goal roundTrips(List<CaseResult> results) {
    String goal = "at most 3 Redis round trips per step on the hot path";
    Optional<Stat> trips = find(results, REDIS, Scenario.HAMMER_LATENCY).flatMap(r -> r.stat(Metric.ROUND_TRIPS_PER_STEP));
    return trips.map(t -> new Goal(goal, "hammer: " + Numbers.format(t.median())
            + " client commands per step (an upper bound: pipelined commands share a round trip)",
            Optional.of(t.median() <= 3)))
        .orElseGet(() -> new Goal(goal, "not measured: no probe of " + REDIS + " on hammer-latency", Optional.empty()));
  }

  /** Issue 18: the in-memory store's hammer throughput within 2x of the bare CompletableFuture graph's. */
  private static Goal nearTheFloor(List<CaseResult> results) {
    String goal = "in-memory hammer throughput within 2x of the floor (bare CompletableFutures)";
    Optional<Stat> ours = find(results, MEMORY, Scenario.HAMMER_THROUGHPUT).flatMap(r -> r.stat(Metric.SAGAS_PER_S));
    Optional<Stat> floor = find(results, FloorPeer.NAME, Scenario.HAMMER_THROUGHPUT).flatMap(r -> r.stat(Metric.SAGAS_PER_S));
    if (ours.isEmpty() || floor.isEmpty()) {
      return new Goal(goal, "not measured: the run lacks " + (ours.isEmpty() ? MEMORY : FloorPeer.NAME)
          + " on hammer-throughput", Optional.empty());
    }
    double share = ours.get().median() / floor.get().median();
    String measured = String.format(Locale.ROOT, "sagas/s %s vs %s: x%.2f of the floor", Numbers.format(ours.get().median()),
        Numbers.format(floor.get().median()), share);
    return new Goal(goal, measured, Optional.of(share >= 0.5));
  }

  private static Goal flat(List<CaseResult> results, String peer, Shape shape) {
    String goal = "cost per step flat from the smallest to the largest " + shape.cliName() + " (" + peer + ")";
    List<CaseResult> sizes = results.stream()
        .filter(r -> r.peer().equals(peer) && r.c().scenario() == Scenario.SCALING && r.c().shape() == shape)
        .filter(r -> r.stat(Metric.US_PER_STEP).isPresent())
        .sorted(Comparator.comparingInt(r -> r.c().stepsPerSaga()))
        .toList();
    if (sizes.size() < 2) {
      return new Goal(goal, "not measured: fewer than two sizes of " + peer, Optional.empty());
    }
    CaseResult small = sizes.get(0);
    CaseResult large = sizes.get(sizes.size() - 1);
    double growth = large.stat(Metric.US_PER_STEP).orElseThrow().median() / small.stat(Metric.US_PER_STEP).orElseThrow().median();
    String measured = String.format(Locale.ROOT, "%s µs/step at S=%d, %s at S=%d: x%.2f (flat: at most x%.1f)",
        Numbers.format(small.stat(Metric.US_PER_STEP).orElseThrow().median()), small.c().stepsPerSaga(),
        Numbers.format(large.stat(Metric.US_PER_STEP).orElseThrow().median()), large.c().stepsPerSaga(), growth, FLAT);
    return new Goal(goal, measured, Optional.of(growth <= FLAT));
  }

  private static Optional<CaseResult> find(List<CaseResult> results, String peer, Scenario scenario) {
    return results.stream().filter(r -> r.peer().equals(peer) && r.c().scenario() == scenario && r.error().isEmpty())
        .findFirst();
  }
}
