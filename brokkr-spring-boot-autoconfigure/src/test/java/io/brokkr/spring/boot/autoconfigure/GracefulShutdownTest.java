package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Closing the context drains the node: a step running then finishes before the context is closed. */
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
    ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class, SlowStep.class)
        .web(WebApplicationType.NONE).properties("brokkr.drain-timeout=30s").run();
    Brokkr brokkr = context.getBean(Brokkr.class);
    BrokkrLifecycle lifecycle = context.getBean(BrokkrLifecycle.class);
    Saga saga = brokkr.createSaga();
    String stepId = saga.addStep("Slow", List.of()).getId();
    saga.start();
    CompletableFuture<SagaOutcome> settled = saga.getOutcome();
    assertTrue(STARTED.await(10, TimeUnit.SECONDS), "the step did not start");

    CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lifecycle.isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(!lifecycle.isRunning() && !closing.isDone(), "the node should be draining while the step runs");
    RELEASE.countDown();
    closing.get(30, TimeUnit.SECONDS);

    SagaOutcome outcome = settled.get(1, TimeUnit.SECONDS);
    assertEquals(SagaStatus.FINISHED, outcome.status());
    assertEquals("finished during the drain", outcome.results().get(stepId, String.class));
  }
}
