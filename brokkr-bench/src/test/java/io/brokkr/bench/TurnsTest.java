package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnsTest {
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

  @Test
  void peersSettleThenTakeTheirMeasuredRunsInTurnsTheOrderReversedEachRound() {
    List<String> taken = new ArrayList<>();
    Map<String, Trial> trials = new LinkedHashMap<>();
    trials.put("a", new Counted("a", 3, taken));
    trials.put("b", new Counted("b", 3, taken));
    trials.put("c", new Counted("c", 3, taken));
    assertEquals(Map.of(), Turns.take(trials, log, () -> { }));
    assertEquals(List.of("settle a", "settle b", "settle c", "c", "b", "a", "a", "b", "c", "c", "b", "a"), taken);
  }

  @Test
  void theHeapIsCollectedBeforeEachRun() {
    List<String> taken = new ArrayList<>();
    Map<String, Trial> trials = new LinkedHashMap<>();
    trials.put("a", new Counted("a", 1, taken));
    trials.put("b", new Counted("b", 1, taken));
    Turns.take(trials, log, () -> taken.add("collect"));
    assertEquals(List.of("collect", "settle a", "collect", "settle b", "collect", "b", "collect", "a"), taken);
  }

  @Test
  void aPeerWithFewerRunsLeftStopsTakingTurnsAndTheOthersGoOn() {
    List<String> taken = new ArrayList<>();
    Map<String, Trial> trials = new LinkedHashMap<>();
    trials.put("short", new Counted("short", 1, taken));
    trials.put("long", new Counted("long", 4, taken));
    Turns.take(trials, log, () -> { });
    assertEquals(List.of("settle short", "settle long", "long", "short", "long", "long", "long"), taken);
  }

  @Test
  void aTrialThatFailsToSettleTakesNoMeasuredTurn() {
    List<String> taken = new ArrayList<>();
    Map<String, Trial> trials = new LinkedHashMap<>();
    trials.put("good", new Counted("good", 2, taken));
    trials.put("bad", new Counted("bad", 2, taken) {
      @Override
      public void settle() {
        throw new IllegalStateException("no Redis");
      }
    });
    assertEquals(Map.of("bad", "java.lang.IllegalStateException: no Redis"), Turns.take(trials, log, () -> { }));
    assertEquals(List.of("settle good", "good", "good"), taken);
  }

  @Test
  void aTrialThatFailsIsNamedWithItsReasonAndTakesNoFurtherTurn() {
    List<String> taken = new ArrayList<>();
    Map<String, Trial> trials = new LinkedHashMap<>();
    trials.put("good", new Counted("good", 3, taken));
    trials.put("bad", new Counted("bad", 3, taken) {
      @Override
      public void measure() throws IOException {
        super.measure();
        throw new IOException("the peer went away");
      }
    });
    Map<String, String> failures = Turns.take(trials, log, () -> { });
    assertEquals(Map.of("bad", "java.io.IOException: the peer went away"), failures);
    assertEquals(List.of("settle good", "settle bad", "bad", "good", "good", "good"), taken);
    assertTrue(logged.toString(StandardCharsets.UTF_8).contains("failed on bad: java.io.IOException: the peer went away"),
        logged.toString(StandardCharsets.UTF_8));
  }

  @Test
  void peersInThisJvmTakeTurnsWithEachOtherThenPeersOnTheBenchsRedisThenTemporals() {
    Peer temporal = new TemporalPeer(false, "t");
    Peer memory = new NamedPeer("brokkr-memory", false);
    Peer redis = new NamedPeer("brokkr-redis", true);
    Peer floor = new NamedPeer("floor", false);
    Peer bullmq = new NamedPeer("bullmq", true);
    Peer temporalGrpc = new TemporalPeer(true, "t");
    assertEquals(List.of(List.of(memory, floor), List.of(redis, bullmq), List.of(temporal, temporalGrpc)),
        Turns.groups(List.of(temporal, memory, redis, floor, bullmq, temporalGrpc)));
    assertEquals(List.of(List.of(redis, bullmq)), Turns.groups(List.of(redis, bullmq)), "no empty group");
    assertEquals(List.of(), Turns.groups(List.of()));
  }

  /** A trial that wants {@code runs} measured runs and records its name at each, and at its settle run. */
  private static class Counted implements Trial {
    private final String name;
    private final int runs;
    private final List<String> taken;
    private int done;

    Counted(String name, int runs, List<String> taken) {
      this.name = name;
      this.runs = runs;
      this.taken = taken;
    }

    @Override
    public void settle() {
      taken.add("settle " + name);
    }

    @Override
    public boolean wantsMore() {
      return done < runs;
    }

    @Override
    public void measure() throws IOException {
      done++;
      taken.add(name);
    }

    @Override
    public Peer.Runs finish() {
      return new Peer.Runs(List.of(), Optional.empty(), List.of());
    }
  }
}
