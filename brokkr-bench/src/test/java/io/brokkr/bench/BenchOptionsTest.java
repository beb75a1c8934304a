package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.InMemoryBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void noFlagsGiveTheDefaults() {
    assertEquals(BenchOptions.defaults(), BenchOptions.parse());
  }

  @Test
  void readsBothFlagForms() {
    BenchOptions o = BenchOptions.parse("--runs", "5", "--fanout=1000,10", "--peers", "bullmq,memory",
        "--redis-url", "redis://127.0.0.1:6390", "--json", "out.json", "--scenarios", "chain,scaling",
        "--redis-connections", "8", "--warmup-seconds", "0", "--redis-transitions", "pool",
        "--redis-finish-batching", "off", "--memory-retention", "PT0.001S");
    assertEquals(5, o.runs());
    assertEquals(List.of(10, 1000), o.fanoutWidths());
    assertEquals(List.of("memory", "bullmq"), o.peers());
    assertEquals(Optional.of("redis://127.0.0.1:6390"), o.redisUrl());
    assertEquals(Path.of("out.json"), o.json());
    assertEquals(List.of(Scenario.CHAIN, Scenario.SCALING), o.scenarios());
    assertEquals(8, o.redisConnections());
    assertFalse(o.redisDirect(), "pool: the transitions through Redisson's pool");
    assertTrue(BenchOptions.defaults().redisDirect(), "the runtime's default: the backend's own connection");
    assertFalse(o.redisFinishBatching(), "off: a call a finish");
    assertTrue(BenchOptions.defaults().redisFinishBatching(), "the runtime's default: finishes batched");
    assertEquals("RedisOptions[payloadLimit=1048576, retention=PT168H, partitions=16, durability=none, "
        + "redisFunctions=true, directConnection=false, finishBatching=false]", o.redisOptions().toString());
    assertEquals(0, o.warmupSeconds());
    assertEquals(20, BenchOptions.defaults().warmupSeconds(), "a process's first case warms up for 20 s");
    assertEquals(2, BenchOptions.defaults().redisConnections(), "a small pool, as BullMQ's one connection");
    assertEquals(Duration.ofMillis(1), o.memoryRetention());
    assertEquals(InMemoryBackend.DEFAULT_RETENTION, BenchOptions.defaults().memoryRetention(),
        "the in-memory backend's own retention");
  }

  @Test
  void badValuesAreQuoted() {
    assertMessage("\"--runz\"", "--runz", "3");
    assertMessage("\"three\"", "--runs", "three");
    assertMessage("at least 1, was \"0\"", "--runs", "0");
    assertMessage("unknown scenario \"hammer\"", "--scenarios", "hammer");
    assertMessage("unknown peer \"kafka\"", "--peers", "kafka");
    assertMessage("redis://HOST:PORT", "--redis-url", "http://localhost:6379");
    assertMessage("needs a value", "--runs");
    assertMessage("at least 1, was \"0\"", "--redis-connections", "0");
    assertMessage("direct or pool, was \"netty\"", "--redis-transitions", "netty");
    assertMessage("on or off, was \"yes\"", "--redis-finish-batching", "yes");
    assertMessage("ISO-8601 duration such as PT1S, was \"7d\"", "--memory-retention", "7d");
    assertMessage("--memory-retention: the retention must be at least 1 ms, was PT0.0005S", "--memory-retention",
        "PT0.0005S");
  }

  @Test
  void parsesRedisAddresses() {
    assertEquals(new RedisAddress("localhost", 6379), RedisAddress.parse("redis://localhost"));
    assertEquals(new RedisAddress("127.0.0.1", 7000), RedisAddress.parse("redis://127.0.0.1:7000"));
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
