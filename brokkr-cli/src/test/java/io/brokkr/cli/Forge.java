package io.brokkr.cli;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;

/**
 * A private redis-server and a node with the hammer saga's workers: it makes the sagas the CLI
 * looks at. A "brittle" head makes the hammer fail on each of its 3 attempts, so the saga compensates.
 */
final class Forge implements AutoCloseable {
  static final SagaTemplate HAMMER = SagaTemplate.named("Hammer")
      .input("headType", "String")
      .input("handleSize", "String")
      .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
      .step("handle").worker("HandleFactory").inputs("handleSize")
      .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
      .build();

  final RedisServer server;
  final String namespace;
  private final RedissonClient client;
  private final Brokkr node;

  Forge(String namespace) throws IOException {
    this.server = RedisServer.start();
    this.namespace = namespace;
    this.client = Redissons.of(server);
    this.node = Brokkr.redis(client, namespace);
    node.registerWorkers(
        Worker.sync("HammerHeadFactory", inv -> "head:" + inv.arg(0, String.class)),
        Worker.sync("HandleFactory", inv -> "handle:" + inv.arg(0, String.class)),
        Worker.sync("HammerFactory", inv -> {
          if (inv.dependencyResult(0, String.class).equals("head:brittle")) {
            throw new IllegalStateException("the head cracked");
          }
          return "hammer";
        }),
        Worker.sync("HammerHeadDestroyer", inv -> null));
  }

  /** Runs a hammer saga to its end and returns it. */
  SagaOutcome hammer(String headType) throws Exception {
    return node.start(HAMMER, Map.of("headType", headType, "handleSize", "short")).outcome().get(60, TimeUnit.SECONDS);
  }

  /** A running saga whose one step waits for {@link Saga#stepFinished} (no node hosts its worker). */
  Saga waiting() {
    Saga saga = node.createSaga();
    SagaStep step = saga.addStep("Tempering", List.of("blade"));
    step.compensateWith("Annealing", List.of());
    saga.start();
    return saga;
  }

  /** {@code --redis URL --namespace NS}. */
  List<String> connection() {
    return List.of("--redis", server.uri(), "--namespace", namespace);
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      client.shutdown();
      server.close();
    }
  }
}
