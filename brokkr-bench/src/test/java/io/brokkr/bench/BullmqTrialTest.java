package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's side of {@code bench.mjs --handshake}, against a shell process that speaks it. */
class BullmqTrialTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  /** A run numbered {@code $n}: its turn, its ready and its result, each line after the bench's "go". */
  private static final String RUN = "run() { n=$((n+1)); printf '{\"type\":\"turn\",\"kind\":\"%s\"}\\n' \"$1\"; read go;"
      + " printf '{\"type\":\"ready\",\"kind\":\"%s\"}\\n' \"$1\"; read go;"
      + " printf '{\"type\":\"result\",\"kind\":\"%s\",\"run\":{\"sagas\":%d,\"steps\":3,\"elapsedUs\":1000,"
      + "\"submitUs\":10,\"clientCpuUs\":900,\"latenciesUs\":[],\"hopsUs\":[]}}\\n' \"$1\" \"$n\"; }; n=0; ";

  @Test
  void warmsUpOnStartSettlesWhenAskedThenGivesEachMeasuredRunAndTheProbeAtTheEnd() throws Exception {
    String peer = RUN + "run warmup; run warmup; run settle; run measured; run measured; run probe;"
        + " echo '{\"type\":\"done\"}'";
    try (BullmqTrial trial = BullmqTrial.start(shell(peer), Meter.NONE, LIMIT)) {
      assertFalse(trial.wantsMore(), "it waits at the settle run's turn");
      trial.settle();
      assertTrue(trial.wantsMore(), "it waits at the first measured run's turn");
      trial.settle();
      assertTrue(trial.wantsMore(), "a settle with no settle run waiting takes no run");
      trial.measure();
      assertTrue(trial.wantsMore());
      trial.measure();
      assertFalse(trial.wantsMore(), "the probe is not a measured run");
      assertThrows(IllegalStateException.class, trial::measure);
      Peer.Runs runs = trial.finish();
      assertEquals(List.of(4, 5), runs.measured().stream().map(run -> run.raw().sagas()).toList(),
          "the two warm-ups and the settle run are left out");
      assertEquals(6, runs.probe().orElseThrow().raw().sagas());
      assertEquals(0, runs.measured().get(0).raw().clientAllocatedBytes(), "Node's allocation is not measured");
      Case c = new Case(Scenario.HAMMER_THROUGHPUT, Scenario.Shape.HAMMER, 0, 4, 1, 2, 0, 1, 60, 0);
      assertFalse(RunMetrics.of(c, runs.measured().get(0)).containsKey(Metric.CLIENT_BYTES_PER_SAGA),
          "no allocation figure for it");
    }
  }

  @Test
  void aPeerThatFailsSaysWhy() {
    String peer = "printf '{\"type\":\"turn\",\"kind\":\"warmup\"}\\n'; read go;"
        + " printf '{\"type\":\"error\",\"message\":\"no Redis at 127.0.0.1:1\"}\\n'";
    assertEquals("the BullMQ peer failed: no Redis at 127.0.0.1:1", failure(peer, LIMIT));
  }

  @Test
  void aRunOfAnotherKindThanTheTurnSaidIsRefused() {
    String peer = "printf '{\"type\":\"turn\",\"kind\":\"warmup\"}\\n'; read go;"
        + " printf '{\"type\":\"ready\",\"kind\":\"measured\"}\\n'; read go";
    assertEquals("the BullMQ peer said something unexpected: {\"type\":\"ready\",\"kind\":\"measured\"}",
        failure(peer, LIMIT));
  }

  @Test
  void aPeerThatStopsAnsweringIsStoppedAtTheLimit() {
    String peer = "printf '{\"type\":\"turn\",\"kind\":\"warmup\"}\\n'; read go; exec sleep 600";
    assertEquals("the BullMQ peer did not answer within 1 s and was stopped", failure(peer, Duration.ofSeconds(1)));
  }

  @Test
  void aPeerThatEndsEarlySaysSo() {
    String peer = RUN + "run warmup";
    assertEquals("the BullMQ peer ended before it was done", failure(peer, LIMIT));
  }

  /** Why starting a trial on {@code script} failed: the message of the IOException it must throw. */
  private static String failure(String script, Duration limit) {
    return assertThrows(IOException.class, () -> BullmqTrial.start(shell(script), Meter.NONE, limit)).getMessage();
  }

  private static ProcessBuilder shell(String script) {
    return new ProcessBuilder("sh", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT);
  }
}
