package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.redis.testing.NodeProcess;
import io.brokkr.runtime.redis.testing.RedisServer;
import io.brokkr.runtime.redis.testing.Redissons;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Nodes as separate JVMs on one Redis: they share the work, and survive each other's death (kill -9)
 * and pause (SIGSTOP). The test reads the stored sagas through a store of its own.
 */
class NodeProcessesTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration LEASE = Duration.ofSeconds(1);

  private static RedisServer server;
  private static RedissonClient client;

  private final String namespace = "nodes-" + UUID.randomUUID();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private SagaStore observer;

  @BeforeAll
  static void startServer() throws IOException {
    server = RedisServer.start();
    client = Redissons.of(server);
  }

  @AfterAll
  static void stopServer() {
    client.shutdown();
    server.close();
  }

  @BeforeEach
  void openObserver() {
    observer = RedisBackend.on(client).open(namespace);
  }

  @AfterEach
  void stopNodes() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
    observer.close();
  }

  @Test
  void aSagaStartedOnOneNodeFinishesThroughBothWithTheWorkersSplitBetweenThem() throws IOException {
    NodeProcess heads = node("heads", LEASE);
    NodeProcess hammers = node("hammers", LEASE);
    command(heads, "workers HammerHeadFactory", "WORKERS");
    command(hammers, "workers HandleFactory,HammerFactory", "WORKERS");

    String sagaId = started(heads, "hammer");
    heads.await(line -> line.equals("OUTCOME " + sagaId + " FINISHED"), PATIENCE);

    SagaSnapshot saga = finished(sagaId);
    assertRanOn(heads, "HammerHeadFactory", sagaId);
    assertRanOn(hammers, "HandleFactory", sagaId);
    assertRanOn(hammers, "HammerFactory", sagaId);
    String hammer = saga.steps().get(2).resultJson().orElseThrow();
    assertEquals("[\"hammers\",[{\"by\":\"heads\"},{\"by\":\"hammers\"}]]", hammer);
  }

  @Test
  void theStepOfAKilledNodeIsTakenOverByTheOtherOnceItsLeaseExpired() throws Exception {
    NodeProcess dying = node("forge-1", LEASE);
    NodeProcess survivor = node("forge-2", LEASE);
    command(dying, "workers Forge", "WORKERS");
    String sagaId = started(dying, "forge");
    dying.await(line -> line.startsWith("RUNNING " + sagaId), PATIENCE);
    command(survivor, "workers Forge", "WORKERS");

    dying.kill();

    StepSnapshot forge = finished(sagaId).steps().get(0);
    assertEquals(2, forge.attempt());
    assertEquals(Optional.of("\"forged by forge-2 in attempt 2\""), forge.resultJson());
    survivor.await(line -> line.startsWith("RAN Forge " + sagaId), PATIENCE);
  }

  @Test
  void aNodePausedPastItsLeaseHasItsLateCompletionRejected() throws Exception {
    NodeProcess paused = node("forge-1", LEASE);
    NodeProcess other = node("forge-2", LEASE);
    command(paused, "workers Forge", "WORKERS");
    String sagaId = started(paused, "forge");
    paused.await(line -> line.startsWith("RUNNING " + sagaId), PATIENCE);
    command(other, "workers Forge", "WORKERS");

    paused.pause();
    SagaSnapshot taken = finished(sagaId);
    paused.resume();
    paused.send("release");

    String late = paused.await(line -> line.startsWith("FINISH " + sagaId), PATIENCE);
    assertTrue(late.endsWith("token 1 applied=false"), late);
    SagaSnapshot after = observer.load(sagaId).orElseThrow();
    assertEquals(taken, after, "the late completion changed nothing");
    assertEquals(Optional.of("\"forged by forge-2 in attempt 2\""), after.steps().get(0).resultJson());
  }

  @Test
  void aFreshNodeRestoresTheUnfinishedSagasOfADeadOne() throws Exception {
    Duration longLease = Duration.ofSeconds(30);
    NodeProcess dying = node("smithy", longLease);
    command(dying, "workers Forge", "WORKERS");
    String forge = started(dying, "forge");
    dying.await(line -> line.startsWith("RUNNING " + forge), PATIENCE);
    String hammer = started(dying, "hammer");
    dying.kill();

    // Restarted under its id, the node knows at once that its running attempt was lost.
    NodeProcess fresh = node("smithy", longLease);
    command(fresh, "workers Forge,HammerHeadFactory,HandleFactory,HammerFactory", "WORKERS");
    command(fresh, "restore", "RESTORED 2");

    assertEquals(2, finished(forge).steps().get(0).attempt());
    finished(hammer);
  }

  private NodeProcess node(String nodeId, Duration lease) throws IOException {
    NodeProcess node = NodeProcess.start(server.uri(), namespace, nodeId, lease, PATIENCE);
    nodes.add(node);
    return node;
  }

  private static void command(NodeProcess node, String command, String answer) throws IOException {
    node.send(command);
    node.await(line -> line.startsWith(answer), PATIENCE);
  }

  private static String started(NodeProcess node, String command) throws IOException {
    int before = node.lines().size();
    node.send(command);
    Predicate<String> isNew = line -> line.startsWith("STARTED ") && !node.lines().subList(0, before).contains(line);
    return node.await(isNew, PATIENCE).substring("STARTED ".length());
  }

  private SagaSnapshot finished(String sagaId) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<SagaSnapshot> saga = observer.load(sagaId);
      if (saga.isPresent() && saga.get().status() == SagaStatus.FINISHED) {
        return saga.get();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    return fail("saga " + sagaId + " did not finish within " + PATIENCE + ": " + observer.load(sagaId));
  }

  private static void assertRanOn(NodeProcess node, String worker, String sagaId) {
    assertTrue(node.lines().stream().anyMatch(l -> l.startsWith("RAN " + worker + " " + sagaId)),
        worker + " did not run on the node expected: " + node.lines());
  }
}
