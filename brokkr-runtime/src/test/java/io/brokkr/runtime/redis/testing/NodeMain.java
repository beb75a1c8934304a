package io.brokkr.runtime.redis.testing;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.Worker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A Brokkr node in its own JVM, for tests of several processes on one Redis. Arguments:
 * {@code <redis uri> <namespace> <node id> <lease ms>}. It answers commands on stdin, one a line, and
 * reports on stdout:
 *
 * <ul>
 *   <li>{@code workers A,B}: registers workers of the catalog → {@code WORKERS A,B}
 *   <li>{@code hammer}: starts the hammer saga (head and handle, then the hammer) → {@code STARTED <saga>},
 *       later {@code OUTCOME <saga> <status>}
 *   <li>{@code forge}: starts a saga of one Forge step → {@code STARTED <saga>}
 *   <li>{@code restore} → {@code RESTORED <count>}
 *   <li>{@code release}: lets a blocked first Forge attempt return
 * </ul>
 *
 * Workers report {@code RAN <worker> <saga> <step> attempt <n>}; a first Forge attempt reports
 * {@code RUNNING <saga> <step>} and blocks until {@code release}. The store reports settlements by
 * attempts (see {@link ReportingStore}). The node exits when stdin closes, so it never outlives the
 * test that started it.
 */
public final class NodeMain {
  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), 2.0, Duration.ofMillis(4));

  private final String nodeId;
  private final Brokkr brokkr;
  private final CountDownLatch release = new CountDownLatch(1);

  private NodeMain(RedissonClient client, String namespace, String nodeId, Duration lease) {
    this.nodeId = nodeId;
    RedisBackend backend = RedisBackend.on(client);
    this.brokkr = Brokkr.builder().namespace(namespace).nodeId(nodeId).leaseDuration(lease).defaultRetryPolicy(FAST)
        .build((ns, clock) -> new ReportingStore(backend.open(ns, clock), NodeMain::say));
  }

  public static void main(String[] args) throws Exception {
    Config config = new Config();
    config.useSingleServer().setAddress(args[0]).setConnectionMinimumIdleSize(2).setConnectionPoolSize(8)
        .setSubscriptionConnectionMinimumIdleSize(1);
    RedissonClient client = Redisson.create(config);
    NodeMain node = new NodeMain(client, args[1], args[2], Duration.ofMillis(Long.parseLong(args[3])));
    say("UP " + args[2]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      node.command(line.trim());
    }
    node.brokkr.close();
    client.shutdown();
    System.exit(0);
  }

  private void command(String line) {
    String[] words = line.split(" ", 2);
    switch (words[0]) {
      case "workers" -> {
        for (String name : words[1].split(",")) {
          brokkr.registerWorker(worker(name));
        }
        say("WORKERS " + words[1]);
      }
      case "hammer" -> {
        Saga saga = brokkr.createSaga();
        SagaStep head = saga.addStep("HammerHeadFactory", List.of("ThunderBestowed"));
        SagaStep handle = saga.addStep("HandleFactory", List.of("short"));
        saga.addStep("HammerFactory", List.of(), List.of(head.getId(), handle.getId()));
        saga.getOutcome().thenAccept(o -> say("OUTCOME " + o.sagaId() + " " + o.status()));
        saga.start();
        say("STARTED " + saga.getId());
      }
      case "forge" -> {
        Saga saga = brokkr.createSaga();
        saga.addStep("Forge", List.of());
        saga.start();
        say("STARTED " + saga.getId());
      }
      case "restore" -> say("RESTORED " + brokkr.restorePreviousState());
      case "release" -> release.countDown();
      default -> say("UNKNOWN " + line);
    }
  }

  private Worker worker(String name) {
    return switch (name) {
      case "HammerHeadFactory", "HandleFactory" -> Worker.sync(name, inv -> {
        ran(name, inv.sagaId(), inv.stepId(), inv.attempt());
        return Map.of("by", nodeId);
      });
      case "HammerFactory" -> Worker.sync(name, inv -> {
        ran(name, inv.sagaId(), inv.stepId(), inv.attempt());
        return List.of(nodeId, inv.dependencyResults());
      });
      case "Forge" -> Worker.sync(name, inv -> {
        if (inv.attempt() == 1) {
          say("RUNNING " + inv.sagaId() + " " + inv.stepId());
          release.await();
        }
        ran(name, inv.sagaId(), inv.stepId(), inv.attempt());
        return "forged by " + nodeId + " in attempt " + inv.attempt();
      });
      default -> throw new IllegalArgumentException("no worker " + name + " in the catalog");
    };
  }

  private static void ran(String worker, String sagaId, String stepId, int attempt) {
    say("RAN " + worker + " " + sagaId + " " + stepId + " attempt " + attempt);
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
