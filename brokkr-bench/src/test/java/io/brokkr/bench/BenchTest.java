package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a run takes a case over its peers: groups one after the other, turns within each, the heap
 * collected before each group and each run, every trial closed.
 */
class BenchTest {
  private final List<String> events = new ArrayList<>();

  @Test
  void eachGroupRunsWholeBeforeTheNextAndResultsKeepThePeersOrder() throws Exception {
    List<Peer> peers = List.of(new Scripted("redis-a", true), new Scripted("jvm-b", false),
        new Scripted("jvm-c", false), new Scripted("redis-d", true));
    Report report = run(peers);

    assertEquals(List.of(
            "collect heap", "open jvm-b", "open jvm-c", "collect heap", "settle jvm-b", "collect heap", "settle jvm-c",
            "collect heap", "measure jvm-c", "collect heap", "measure jvm-b",
            "collect heap", "measure jvm-b", "collect heap", "measure jvm-c",
            "finish jvm-b", "finish jvm-c", "close jvm-b", "close jvm-c",
            "collect heap", "open redis-a", "open redis-d", "collect heap", "settle redis-a", "collect heap", "settle redis-d",
            "collect heap", "measure redis-d", "collect heap", "measure redis-a",
            "collect heap", "measure redis-a", "collect heap", "measure redis-d",
            "finish redis-a", "finish redis-d", "close redis-a", "close redis-d"),
        events);
    assertEquals(List.of("redis-a", "jvm-b", "jvm-c", "redis-d"), report.results().stream().map(CaseResult::peer).toList());
    assertTrue(report.results().stream().allMatch(r -> r.error().isEmpty()), report.results().toString());
  }

  @Test
  void aPeerThatCannotOpenIsReportedFailedAndTheOthersRunOn() throws Exception {
    Peer broken = new Scripted("jvm-broken", false) {
      @Override
      public Trial open(Case c, Meter meter) throws IOException {
        throw new IOException("no node here");
      }
    };
    Report report = run(List.of(broken, new Scripted("jvm-b", false)));

    assertEquals(List.of("collect heap", "open jvm-b", "collect heap", "settle jvm-b", "collect heap", "measure jvm-b",
            "collect heap", "measure jvm-b", "finish jvm-b", "close jvm-b"),
        events);
    CaseResult failed = report.results().get(0);
    assertEquals("jvm-broken", failed.peer());
    assertEquals(Optional.of("java.io.IOException: no node here"), failed.error());
    assertTrue(report.results().get(1).error().isEmpty());
  }

  @Test
  void theInMemoryPeersRetentionIsTheOptionsAndTheReportNamesIt() throws Exception {
    BenchOptions options = BenchOptions.parse("--peers", "memory,memory-observed", "--scenarios", "hammer-latency",
        "--latency-sagas", "3", "--warmup", "0", "--runs", "1", "--warmup-seconds", "0", "--memory-retention", "PT0.001S");
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (Bench bench = Bench.open(options, log)) {
      // Each in-memory peer's nodes keep a settled saga as long as the option says, not the backend's 7 days.
      assertEquals(List.of(Duration.ofMillis(1), Duration.ofMillis(1)), bench.peers().stream()
          .map(peer -> ((MemoryTarget) ((BrokkrPeer) peer).target()).retention()).toList());
      Report report = bench.run("test");
      assertEquals("PT0.001S", report.machine().get("brokkr-memory-retention"));
      assertTrue(report.results().stream().allMatch(r -> r.error().isEmpty()), report.results().toString());
    }
  }

  private Report run(List<Peer> peers) {
    BenchOptions options = BenchOptions.parse("--scenarios", "hammer-latency", "--runs", "2", "--warmup-seconds", "0");
    PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (Bench bench = Bench.of(options, log, peers, () -> events.add("collect heap"))) {
      return bench.run("test");
    }
  }

  /** A peer whose trials record what the bench asks of them and take the case's measured runs. */
  private class Scripted extends NamedPeer {
    Scripted(String name, boolean onRedis) {
      super(name, onRedis);
    }

    @Override
    public Trial open(Case c, Meter meter) throws IOException {
      String name = name();
      events.add("open " + name);
      return new Trial() {
        private final List<MeasuredRun> measured = new ArrayList<>();

        @Override
        public void settle() {
          events.add("settle " + name);
        }

        @Override
        public boolean wantsMore() {
          return measured.size() < c.runs();
        }

        @Override
        public void measure() {
          events.add("measure " + name);
          measured.add(new MeasuredRun(new RawRun(c.sagas(), c.sagas() * 3, 1_000, 10, 900, new long[] {100, 200}, List.of(), 0),
              RedisUsage.NONE));
        }

        @Override
        public Peer.Runs finish() {
          events.add("finish " + name);
          return new Peer.Runs(List.copyOf(measured), Optional.empty(), List.of());
        }

        @Override
        public void close() {
          events.add("close " + name);
        }
      };
    }
  }
}
