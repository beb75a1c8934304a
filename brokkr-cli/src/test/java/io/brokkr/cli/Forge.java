package io.brokkr.cli;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.redis.testing.RedisCluster;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

  /** While true, the refunds of {@link #failedRefund} fail. */
  final AtomicBoolean refundsBroken = new AtomicBoolean(true);
  /** The single redis-server; null on a cluster. */
  final RedisServer server;
  private final RedisCluster cluster;
  final String namespace;
  private final RedissonClient client;
  private final Brokkr node;

  Forge(String namespace) throws IOException {
    this(namespace, RedisServer.start(), null);
  }

  /** A forge on a private Redis Cluster of three masters. */
  static Forge onCluster(String namespace) throws IOException {
    return new Forge(namespace, null, RedisCluster.start(3));
  }

  private Forge(String namespace, RedisServer server, RedisCluster cluster) {
    this.server = server;
    this.cluster = cluster;
    this.namespace = namespace;
    this.client = cluster == null ? Redissons.of(server) : Redissons.of(cluster);
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
        Worker.sync("HammerHeadDestroyer", inv -> null),
        Worker.sync("Charge", inv -> "charged"),
        Worker.sync("Ship", inv -> {
          throw new IllegalStateException("no courier");
        }),
        Worker.sync("Refund", inv -> {
          if (refundsBroken.get()) {
            throw new IllegalStateException("the bank is down");
          }
          return "refunded";
        }));
  }

  /**
   * A FAILED saga: its charge finished, shipping failed, and the refund (one attempt, while
   * {@link #refundsBroken}) failed for good.
   */
  Saga failedRefund() throws Exception {
    Saga saga = node.createSaga("order");
    SagaStep charge = saga.addStep("Charge", List.of());
    charge.compensateWith("Refund", List.of(), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.addStep("Ship", List.of(), List.of(charge.getId()), StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY));
    saga.start();
    saga.getOutcome().get(60, TimeUnit.SECONDS);
    return saga;
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

  /** {@code --redis URL --namespace NS}, with {@code --cluster} and one node's URL on a cluster. */
  List<String> connection() {
    if (cluster != null) {
      return List.of("--cluster", "--redis", cluster.uris().get(0), "--namespace", namespace);
    }
    return List.of("--redis", server.uri(), "--namespace", namespace);
  }

  @Override
  public void close() {
    try {
      node.close();
    } finally {
      client.shutdown();
      if (cluster != null) {
        cluster.close();
      } else {
        server.close();
      }
    }
  }
}
