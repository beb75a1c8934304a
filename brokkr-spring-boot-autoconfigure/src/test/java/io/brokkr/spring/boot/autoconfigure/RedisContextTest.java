package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.config.SingleServerConfig;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With a RedissonClient, the application's or one made from brokkr.redis.url, the node runs on a
 * real redis-server. The contexts are closed before the server stops: closing withdraws the node.
 */
class RedisContextTest {
  private static RedisServer server;

  @BeforeAll
  static void startRedis() throws Exception {
    server = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    server.close();
  }

  @Test
  void brokkrRedisUrlMakesAClientAndTheNodeRunsOnRedis() throws Exception {
    try (ConfigurableApplicationContext context = app("brokkr.redis.url=" + server.uri(), "brokkr.node-id=url-node",
        "brokkr.redis.connection-pool-size=3")) {
      Brokkr brokkr = context.getBean(Brokkr.class);

      assertTrue(context.getBeanNamesForType(RedissonClient.class).length == 1);
      SingleServerConfig made = context.getBean(RedissonClient.class).getConfig().useSingleServer();
      assertEquals(3, made.getConnectionPoolSize(), "the client's pool is the property's");
      assertEquals(3, made.getConnectionMinimumIdleSize());
      assertRunsOnRedis(context, brokkr, "url-node");
    }
  }

  @Test
  void aConnectionPoolBelowOneStopsTheStartNamingTheProperty() {
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> app("brokkr.redis.url=" + server.uri(), "brokkr.redis.connection-pool-size=0").close());
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
      cause = cause.getCause();
    }
    assertEquals("brokkr.redis.connection-pool-size must be at least 1, was 0", cause.getMessage());
  }

  @Test
  void theApplicationsOwnRedissonClientIsUsed() throws Exception {
    RedissonClient own = Redissons.of(server);
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
        .web(WebApplicationType.NONE)
        .initializers(c -> ((ConfigurableApplicationContext) c).getBeanFactory().registerSingleton("redisson", own))
        .properties("brokkr.node-id=own-node", "brokkr.namespace=own")
        .run()) {
      assertSame(own, context.getBean(RedissonClient.class));
      assertRunsOnRedis(context, context.getBean(Brokkr.class), "own-node");
    } finally {
      own.shutdown();
    }
  }

  private static void assertRunsOnRedis(ConfigurableApplicationContext context, Brokkr brokkr, String nodeId)
      throws Exception {
    String reservation = ReserveSagaLauncher.start(brokkr, "plum").result().get(10, TimeUnit.SECONDS);
    Health health = context.getBean("brokkrHealthIndicator", HealthIndicator.class).health(true);

    assertTrue(reservation.endsWith("-of-plum"), reservation);
    assertEquals(Status.UP, health.getStatus(), health.toString());
    assertEquals("redis", health.getDetails().get("store"));
    assertEquals(nodeId, health.getDetails().get("nodeId"));
    // Another node of the namespace sees the saga in Redis: it was not kept in memory.
    try (Brokkr observer = Brokkr.builder().namespace(brokkr.namespace()).announced(false)
        .redis(context.getBean(RedissonClient.class))) {
      assertEquals(1L, observer.countSagas().get(io.brokkr.runtime.SagaStatus.FINISHED));
    }
  }

  private static ConfigurableApplicationContext app(String... properties) {
    return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE).properties(properties).run();
  }
}
