package io.brokkr.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

/** Without a RedissonClient: the node runs in memory, with the properties, beans and actuator parts. */
@SpringBootTest(classes = TestApplication.class, properties = {
    "brokkr.namespace=shop", "brokkr.node-id=node-a", "brokkr.concurrency=3", "brokkr.lease-duration=20s",
    "brokkr.drain-timeout=2s", "brokkr.default-retry.max-attempts=5", "brokkr.default-retry.backoff=50ms",
    "brokkr.default-retry.multiplier=1.5", "brokkr.default-retry.max-backoff=2s",
    "brokkr.redis.payload-limit=64KB", "brokkr.redis.retention=1d", "brokkr.redis.functions=false",
    "brokkr.redis.direct-connection=false", "brokkr.redis.finish-batching=false",
    "brokkr.redis.durability.replicas=1", "brokkr.redis.durability.timeout=250ms"})
class InMemoryContextTest {
  @Autowired Brokkr brokkr;
  @Autowired BrokkrProperties properties;
  @Autowired TransitionLog log;
  @Autowired HealthIndicator brokkrHealthIndicator;
  @Autowired BrokkrEndpoint endpoint;

  @Test
  void everyPropertyIsBound() {
    assertEquals("shop", properties.getNamespace());
    assertEquals("node-a", properties.getNodeId());
    assertEquals(3, properties.getConcurrency());
    assertEquals(Duration.ofSeconds(20), properties.getLeaseDuration());
    assertEquals(Duration.ofSeconds(2), properties.getDrainTimeout());
    assertEquals(new io.brokkr.dsl.RetryPolicy(5, Duration.ofMillis(50), 1.5, Duration.ofSeconds(2)),
        properties.getDefaultRetry().toPolicy());
    assertEquals("RedisOptions[payloadLimit=65536, retention=PT24H, partitions=16, "
        + "durability=Durability[replicas=1, timeout=PT0.25S], redisFunctions=false, directConnection=false, "
        + "finishBatching=false]",
        properties.getRedis().toOptions().toString());
    assertEquals("shop", brokkr.namespace());
  }

  @Test
  void aSagaBeanRunsThroughItsLauncherWithItsInjectedService() throws Exception {
    String reservation = ReserveSagaLauncher.start(brokkr, "apple").result().get(10, TimeUnit.SECONDS);

    assertTrue(reservation.matches("reservation-\\d+-of-apple"), reservation);
  }

  @Test
  void workerBeansRunAndListenerBeansSeeTheTransitions() throws Exception {
    Saga saga = brokkr.createSaga();
    saga.addStep("Shout", List.of("hammer"));
    saga.start();
    SagaOutcome outcome = saga.getOutcome().get(10, TimeUnit.SECONDS);

    assertEquals(SagaStatus.FINISHED, outcome.status());
    assertEquals("HAMMER", outcome.results().get(saga.getSteps().get(0).getId(), String.class));
    assertTrue(log.sagas.contains(saga.getId() + " RUNNING -> FINISHED"), log.sagas.toString());
  }

  @Test
  void theHealthIsUpAndNamesTheNodeAndItsStore() {
    Health health = brokkrHealthIndicator.health(true);

    assertEquals(Status.UP, health.getStatus(), health.toString());
    assertEquals("node-a", health.getDetails().get("nodeId"));
    assertEquals("in-memory", health.getDetails().get("store"));
    assertEquals("shop", health.getDetails().get("namespace"));
    assertEquals(1, health.getDetails().get("liveNodes"));
  }

  @Test
  void theEndpointCountsSagasAndListsTheNodeWithItsWorkers() throws Exception {
    ReserveSagaLauncher.start(brokkr, "pear").result().get(10, TimeUnit.SECONDS);

    BrokkrEndpoint.Report report = endpoint.report();

    assertEquals("shop", report.namespace());
    assertEquals("in-memory", report.store());
    assertEquals(Set.of(SagaStatus.values()), report.sagas().keySet());
    assertTrue(report.sagas().get(SagaStatus.FINISHED) >= 1, report.sagas().toString());
    NodeInfo node = report.nodes().get(0);
    assertEquals("node-a", node.nodeId());
    assertEquals(Set.of("Reserve.reserve", "Shout"), node.workers());
    assertEquals(3, node.concurrency());
    assertEquals(java.util.Map.of(), report.strandedWorkers());
  }
}
