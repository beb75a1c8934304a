package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.bench.Scenario.Shape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final Case HAMMER = new Case(Scenario.HAMMER_LATENCY, Shape.HAMMER, 0, 4, 16, 1, 1, 2, 60, 2);

  @Test
  void statisticsAreOverRunsAndSamples() {
    Stat stat = Stat.of(List.of(3.0, 1.0, 2.0, 10.0));
    assertEquals(1.0, stat.min());
    assertEquals(2.5, stat.median());
    assertEquals(10.0, stat.max());
    assertEquals(50, Stat.percentile(new long[] {100, 10, 50, 20, 30, 40, 60, 70, 80, 90}, 50));
    assertEquals(100, Stat.percentile(new long[] {100, 10, 50, 20, 30, 40, 60, 70, 80, 90}, 99));
  }

  @Test
  void numbersReadEasily() {
    assertEquals("52,104", Numbers.format(52103.7));
    assertEquals("12.3", Numbers.format(12.34));
    assertEquals("1.23", Numbers.format(1.234));
    assertEquals("0.0123", Numbers.format(0.01234));
    assertEquals("2.00 [1.00–3.00]", Numbers.format(Stat.of(List.of(1.0, 2.0, 3.0))));
    assertEquals(4.0, Numbers.advantage(Metric.P50, 0.5, 2.0));
    assertEquals(3.0, Numbers.advantage(Metric.SAGAS_PER_S, 3000, 1000));
  }

  @Test
  void redisCountersLeaveOutTheBenchsOwnInfoCalls() {
    RedisInfo before = RedisInfo.parse("# Commandstats\r\ncmdstat_info:calls=1,usec=9\r\ncmdstat_evalsha:calls=10,usec=80\r\n"
        + "# CPU\r\nused_cpu_sys:1.5\r\nused_cpu_user:2.0\r\n# Memory\r\nused_memory:1000\r\n");
    RedisInfo after = RedisInfo.parse("cmdstat_info:calls=2,usec=9\ncmdstat_evalsha:calls=16,usec=80\n"
        + "cmdstat_hset:calls=4,usec=1\nused_cpu_sys:2.0\nused_cpu_user:2.25\nused_memory:3000\n");
    RedisInfo.Delta delta = after.since(before);
    assertEquals(10, delta.commands());
    assertEquals(0.75, delta.cpuSeconds(), 1e-9);
    assertEquals(2000, delta.memoryBytes());
  }

  @Test
  void theMonitorCountsClientCommandsOnly() {
    assertEquals(Optional.of("evalsha"), CommandMonitor.commandOf("1700000000.1 [0 127.0.0.1:5555] \"EVALSHA\" \"ab\" \"1\""));
    assertEquals(Optional.empty(), CommandMonitor.commandOf("1700000000.1 [0 lua] \"hset\" \"k\" \"f\" \"v\""));
  }

  @Test
  void theTablePutsPeersSideBySideWithTheRatio() {
    CaseResult ours = CaseResult.of(Goals.REDIS, HAMMER, new Peer.Runs(List.of(run(1000, 2000), run(1000, 3000)), Optional.of(probe()), List.of()));
    CaseResult theirs = CaseResult.of(Goals.BULLMQ, HAMMER, new Peer.Runs(List.of(run(4000, 5000), run(4000, 5000)), Optional.empty(),
        List.of("1 measured run(s)")));
    Report report = new Report(Map.of("cores", "2"), "mvn ...", List.of(Goals.REDIS, Goals.BULLMQ), List.of(HAMMER),
        List.of(ours, theirs), Goals.check(List.of(ours, theirs)));
    String table = TableReport.render(report);
    assertTrue(table.contains("latency p50 (ms)"), table);
    assertTrue(table.contains("1.00") && table.contains("4.00") && table.contains("x4.00"), table);
    assertTrue(table.contains("brokkr-redis client commands per step: evalsha 2.00, hgetall 0.67"), table);
    assertTrue(table.contains("MET    hammer latency (p50) at most half of BullMQ's"), table);
    assertTrue(table.contains("MET    at most 3 Redis round trips per step"), table);
    assertTrue(table.contains("bullmq: 1 measured run(s)"), table);
    String json = JsonReport.of(report).toString();
    assertTrue(json.contains("\"latency_p50_ms\":{\"unit\":\"ms\",\"min\":1.0,\"median\":1.0,\"max\":1.0,\"runs\":[1.0,1.0]}"), json);
  }

  @Test
  void brokkrIsComparedWithEachTemporalPeerOnEveryCaseBothRan() {
    CaseResult memory = CaseResult.of("brokkr-memory", HAMMER, new Peer.Runs(List.of(run(1000, 2000)), Optional.empty(), List.of()));
    CaseResult temporal = CaseResult.of(TemporalPeer.IN_PROCESS, HAMMER, new Peer.Runs(List.of(run(3000, 5000)),
        Optional.empty(), List.of()));
    CaseResult redis = CaseResult.of(Goals.REDIS, HAMMER, new Peer.Runs(List.of(run(4000, 5000)), Optional.empty(), List.of()));
    CaseResult grpc = CaseResult.of(TemporalPeer.GRPC, HAMMER, new Peer.Runs(List.of(run(2000, 5000)), Optional.empty(), List.of()));
    String goals = Goals.check(List.of(memory, temporal, redis, grpc)).toString();
    assertTrue(goals.contains("brokkr-memory ahead of temporal on every scenario, measured=sagas/s or p50: hammer-latency x3.00,"
        + " met=Optional[true]"), goals);
    assertTrue(goals.contains("brokkr-redis ahead of temporal-grpc on every scenario, measured=sagas/s or p50: hammer-latency x0.50,"
        + " met=Optional[false]"), goals);
  }

  private static MeasuredRun run(long p50Us, long p99Us) {
    RawRun raw = new RawRun(4, 12, 10_000, 1_000, 8_000, new long[] {p50Us, p50Us, p50Us, p99Us}, List.of(), 0);
    return new MeasuredRun(raw, new RedisUsage(Optional.of(new RedisInfo.Delta(120, 0.004, 40_000)), Map.of()));
  }

  private static MeasuredRun probe() {
    RawRun raw = new RawRun(2, 6, 1_000, 100, 800, new long[] {1, 1}, List.of(), 0);
    return new MeasuredRun(raw, new RedisUsage(Optional.empty(), Map.of("evalsha", 12L, "hgetall", 4L)));
  }
}
