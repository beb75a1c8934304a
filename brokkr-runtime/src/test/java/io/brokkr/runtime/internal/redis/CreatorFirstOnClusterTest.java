package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisExtension;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

/**
 * On a Cluster a script's {@code PUBLISH} counts only the subscribers of its own master, so it could
 * not tell whether a saga's creator heard a queue's head first: a node there is not told first
 * ({@link CreatorFirstTest} has the rule), and heads go to every node of their worker.
 */
class CreatorFirstOnClusterTest {
  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.cluster(3);

  @Test
  void aNodeOnAClusterIsNotToldFirst() throws Exception {
    String namespace = "creator-first-cluster-" + UUID.randomUUID();
    RedisBackend backend = RedisBackend.on(REDIS.client());
    try (Brokkr creator = Brokkr.builder().namespace(namespace).nodeId("creator").build(backend)) {
      creator.registerWorker(Worker.sync("Step", inv -> "done"));
      SagaHandle<StepResults> handle = creator.start(SagaTemplate.named("One").step("one").worker("Step").build(), Map.of());
      assertEquals(SagaStatus.FINISHED, handle.outcome().get(30, TimeUnit.SECONDS).status());

      String inbox = REDIS.client().<String, String>getMap(new KeyLayout(namespace, 16).sagaKey(handle.sagaId()),
          StringCodec.INSTANCE).get("in");
      assertTrue(inbox.matches("[0-9a-f]{16}"), "an inbox id without the mark of a view told first: " + inbox);
      assertFalse(Ids.toldFirst(inbox));
    }
  }
}
