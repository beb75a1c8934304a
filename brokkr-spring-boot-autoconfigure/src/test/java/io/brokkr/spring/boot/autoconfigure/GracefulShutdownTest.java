package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.testing.Eventually;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closing the context drains the node: a step running then finishes before the context is closed.
 * On Redis, so that another node reads the saga once the context is gone.
 */
class GracefulShutdownTest {
  static final CountDownLatch STARTED = new CountDownLatch(1);
  static final CountDownLatch RELEASE = new CountDownLatch(1);

  @Configuration(proxyBeanMethods = false)
  static class SlowStep {
    @Bean
    Worker slow() {
      return Worker.sync("Slow", step -> {
        STARTED.countDown();
        RELEASE.await(30, TimeUnit.SECONDS);
        return "finished during the drain";
      });
    }
  }

  @Test
  void aStepRunningWhenTheContextClosesFinishes() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class, SlowStep.class)
          .web(WebApplicationType.NONE)
          .properties("brokkr.drain-timeout=30s", "brokkr.namespace=drain", "brokkr.redis.url=" + server.uri())
          .run();
      BrokkrLifecycle lifecycle = context.getBean(BrokkrLifecycle.class);
      Saga saga = context.getBean(Brokkr.class).createSaga();
      String stepId = saga.addStep("Slow", List.of()).getId();
      saga.start();
      assertTrue(STARTED.await(10, TimeUnit.SECONDS), "the step did not start");

      CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
      Eventually.until("the lifecycle stops taking work", () -> !lifecycle.isRunning());
      assertTrue(!closing.isDone(), "the node should be draining while the step runs");
      RELEASE.countDown();
      closing.get(30, TimeUnit.SECONDS);

      RedissonClient client = Redissons.of(server);
      try (Brokkr observer = Brokkr.builder().namespace("drain").announced(false).redis(client)) {
        Saga stored = observer.getSaga(saga.getId()).orElseThrow();
        assertEquals(SagaStatus.FINISHED, stored.getStatus());
        assertEquals("finished during the drain", stored.getStep(stepId).orElseThrow().getResult(String.class).orElseThrow());
      } finally {
        client.shutdown();
      }
    }
  }
}
