package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.bench.Scenario.Shape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Temporal peers on tiny cases: every scenario runs, each workflow returns what its graph
 * computes (a wrong result fails the run), and the figures have the other peers' structure.
 */
class TemporalPeerTest {
  private static final Case THROUGHPUT = tiny(Scenario.HAMMER_THROUGHPUT, Shape.HAMMER, 0, 8);
  private static final Case LATENCY = tiny(Scenario.HAMMER_LATENCY, Shape.HAMMER, 0, 3);
  private static final Case CHAIN = tiny(Scenario.CHAIN, Shape.CHAIN, 3, 2);
  private static final Case FANOUT = tiny(Scenario.FANOUT, Shape.FANOUT, 5, 2);

  @Test
  void inProcessRunsEveryScenario() throws Exception {
    try (TemporalPeer peer = new TemporalPeer(false, "test")) {
      assertEquals(TemporalPeer.IN_PROCESS, peer.name());
      checkThroughput(peer);
      checkLatency(peer, LATENCY);
      checkChain(peer);
      checkLatency(peer, FANOUT);
      assertFalse(peer.supports(tiny(Scenario.SCALING, Shape.CHAIN, 100, 1)), "no scaling scenario");
    }
  }

  @Test
  void overGrpcRunsTheHammerAndTheChain() throws Exception {
    try (TemporalPeer peer = new TemporalPeer(true, "test")) {
      assertEquals(TemporalPeer.GRPC, peer.name());
      assertTrue(peer.redis().isEmpty());
      checkThroughput(peer);
      checkChain(peer);
    }
  }

  @Test
  void theCommandLineNamesBothPeers() {
    assertEquals(List.of("memory", TemporalPeer.IN_PROCESS, TemporalPeer.GRPC),
        BenchOptions.parse("--peers", "temporal-grpc,temporal,memory").peers());
  }

  private static void checkThroughput(TemporalPeer peer) throws Exception {
    CaseResult result = run(peer, THROUGHPUT);
    assertEquals(Set.of(Metric.SAGAS_PER_S, Metric.STEPS_PER_S, Metric.CLIENT_CPU_US_PER_SAGA, Metric.CLIENT_BYTES_PER_SAGA),
        result.metrics().keySet());
    double sagas = result.stat(Metric.SAGAS_PER_S).orElseThrow().median();
    assertEquals(3 * sagas, result.stat(Metric.STEPS_PER_S).orElseThrow().median(), 1e-6 * sagas);
  }

  private static void checkLatency(TemporalPeer peer, Case c) throws Exception {
    CaseResult result = run(peer, c);
    assertTrue(result.stat(Metric.P50).orElseThrow().median() > 0, result.toString());
    assertTrue(result.stat(Metric.P99).orElseThrow().median() >= result.stat(Metric.P50).orElseThrow().median());
  }

  private static void checkChain(TemporalPeer peer) throws Exception {
    CaseResult result = run(peer, CHAIN);
    // Each of the 3 links reported its start, and the outcome came after the last.
    for (int level = 0; level <= 3; level++) {
      assertTrue(result.stat(Metric.hop(level, 3)).isPresent(), "hop " + level + ": " + result.metrics().keySet());
    }
  }

  private static CaseResult run(TemporalPeer peer, Case c) throws Exception {
    Peer.Runs runs = peer.run(c, Meter.NONE);
    assertEquals(1, runs.measured().size());
    assertTrue(runs.probe().isEmpty());
    RawRun raw = runs.measured().get(0).raw();
    if (c.scenario().allAtOnce()) {
      assertEquals(0, raw.sagas() % c.sagas(), "whole batches of " + c.sagas() + ": " + raw.sagas());
      assertTrue(raw.elapsedUs() >= Case.THROUGHPUT_RUN_AT_LEAST.toNanos() / 1000, "batches for at least 1 s");
    } else {
      assertEquals(c.sagas(), raw.sagas());
    }
    assertEquals(raw.sagas() * c.stepsPerSaga(), raw.steps());
    assertTrue(raw.clientCpuUs() > 0);
    assertTrue(runs.notes().stream().anyMatch(n -> n.contains("Temporal's test server runs in it")), runs.notes().toString());
    return CaseResult.of(peer.name(), c, runs);
  }

  private static Case tiny(Scenario scenario, Shape shape, int size, int sagas) {
    return new Case(scenario, shape, size, sagas, 4, 2, 0, 1, 60, 0);
  }
}
