package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.testing.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's node died mid-step, leaving its attempt on Redis under a lease that lasts an
 * hour; restarted with the same {@code brokkr.node-id}, the application resumes the saga at once
 * ({@code brokkr.restore-on-start}): the lost attempt fails as possibly done and the application's
 * worker bean runs the step again. Without the restore the step would wait for that hour.
 */
class RestoreOnStartTest {
  private static final String NAMESPACE = "restore";
  private static final String NODE_ID = "shop-1";
  private static final Duration AN_HOUR = Duration.ofHours(1);

  @Test
  void anAttemptTheNodeHeldBeforeItsRestartRunsAgainWhenTheApplicationStarts() throws Exception {
    try (RedisServer server = RedisServer.start()) {
      RedissonClient client = Redissons.of(server);
      try {
        String sagaId = leaveAnAttemptRunning(client);

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
            .web(WebApplicationType.NONE)
            .properties("brokkr.redis.url=" + server.uri(), "brokkr.namespace=" + NAMESPACE, "brokkr.node-id=" + NODE_ID)
            .run()) {
          Brokkr brokkr = context.getBean(Brokkr.class);
          Eventually.until("the saga left running to finish",
              () -> brokkr.getSaga(sagaId).orElseThrow().getStatus() == SagaStatus.FINISHED);

          SagaStep step = brokkr.getSaga(sagaId).orElseThrow().getSteps().get(0);
          assertEquals(2, step.getAttempt(), "the lost attempt, then the application's");
          assertEquals(Optional.of("HAMMER"), step.getResult(String.class));
        }
      } finally {
        client.shutdown();
      }
    }
  }

  /** The node before the restart: it starts a saga, claims its step as its worker would, and dies. */
  private static String leaveAnAttemptRunning(RedissonClient client) {
    try (Brokkr before = Brokkr.builder().namespace(NAMESPACE).nodeId(NODE_ID).announced(false).redis(client);
        SagaStore store = RedisBackend.on(client).open(NAMESPACE, Clock.systemUTC())) {
      Saga saga = before.createSaga();
      saga.addStep("Shout", List.of("hammer"));
      saga.start();
      Eventually.until("the node to claim the step",
          () -> store.claimNext("Shout", NODE_ID, Instant.now(), AN_HOUR).isPresent());
      assertEquals(StepStatus.RUNNING, before.getSaga(saga.getId()).orElseThrow().getSteps().get(0).getStatus());
      return saga.getId();
    }
  }
}
