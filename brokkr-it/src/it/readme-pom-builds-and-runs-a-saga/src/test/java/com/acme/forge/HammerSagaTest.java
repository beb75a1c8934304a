package com.acme.forge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The README's saga, through its generated launcher, on both stores. */
class HammerSagaTest {
  @Test
  void runsInMemory() throws Exception {
    try (Brokkr brokkr = Brokkr.inMemory()) {
      assertForges(brokkr);
    }
  }

  @Test
  void runsOnRedis() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no").redirectErrorStream(true).start();
    try {
      awaitReady(redis);
      Config config = new Config();
      config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
      RedissonClient redisson = Redisson.create(config);
      try (Brokkr brokkr = Brokkr.redis(redisson, "forge")) {
        assertForges(brokkr);
      } finally {
        redisson.shutdown();
      }
    } finally {
      ProcessHandle.of(redis.pid()).ifPresent(ProcessHandle::destroy);
      redis.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  private static void assertForges(Brokkr brokkr) {
    HammerSagaLauncher.register(brokkr, new HammerSaga());
    SagaHandle<Hammer> saga = HammerSagaLauncher.start(brokkr, "ThunderBestowed", "short");
    Hammer hammer = saga.result().join();
    assertEquals(new HandleId("handle-short"), hammer.handle());
    assertTrue(hammer.head().id().startsWith("ThunderBestowed-"), hammer.head().id());
  }

  /** Reads redis-server's log until it accepts connections; it ends early only if the server exits. */
  private static void awaitReady(Process redis) throws IOException {
    BufferedReader log = new BufferedReader(new InputStreamReader(redis.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      seen.append(line).append('\n');
      if (line.contains("Ready to accept connections")) {
        Thread drain = new Thread(() -> log.lines().forEach(ignored -> {}), "redis-log");
        drain.setDaemon(true);
        drain.start();
        return;
      }
    }
    throw new IllegalStateException("redis-server exited before it was ready:\n" + seen);
  }
}
