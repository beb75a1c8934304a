package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.brokkr.runtime.RedisBackend;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.redis.testing.NodeProcess;
import io.brokkr.runtime.redis.testing.RedisExtension;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nodes as separate JVMs on one Redis: they share the work, and survive each other's death (kill -9)
 * and pause (SIGSTOP). The test reads the stored sagas through a store of its own.
 */
class NodeProcessesTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration LEASE = Duration.ofSeconds(1);

  @RegisterExtension
  static final RedisExtension REDIS = RedisExtension.server();

  private final String namespace = "nodes-" + UUID.randomUUID();
  private final List<NodeProcess> nodes = new ArrayList<>();
  private SagaStore observer;

  @BeforeEach
  void openObserver() {
    observer = RedisBackend.on(REDIS.client()).open(namespace);
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
    String sagaId = forgeRunningOn(dying, survivor);

    dying.kill();

    StepSnapshot forge = finished(sagaId).steps().get(0);
    assertEquals(2, forge.attempt());
    assertEquals(Optional.of("\"forged by forge-2 in attempt 2\""), forge.resultJson());
    survivor.await(line -> line.startsWith("RAN Forge " + sagaId), PATIENCE);
  }

  @Test
  void aNodePausedPastItsLeaseHasItsLateCompletionRejected() throws Exception {
    NodeProcess paused = node("forge-1", LEASE);
    String sagaId = forgeRunningOn(paused, node("forge-2", LEASE));

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
    String forge = forgeRunningOn(dying);
    String hammer = started(dying, "hammer");
    dying.kill();

    // Restarted under its id, the node knows at once that its running attempt was lost. It restores
    // before it hosts the workers: once it hosts them, it may finish the hammer saga before a restore
    // counts it.
    NodeProcess fresh = node("smithy", longLease);
    command(fresh, "restore", "RESTORED 2");
    command(fresh, "workers Forge,HammerHeadFactory,HandleFactory,HammerFactory", "WORKERS");

    assertEquals(2, finished(forge).steps().get(0).attempt());
    finished(hammer);
  }

  /**
   * Starts a Forge saga whose first attempt runs (and blocks) on {@code first}; then the other nodes
   * host Forge too, ready to take it over.
   */
  private static String forgeRunningOn(NodeProcess first, NodeProcess... others) throws IOException {
    command(first, "workers Forge", "WORKERS");
    String sagaId = started(first, "forge");
    first.await(line -> line.startsWith("RUNNING " + sagaId), PATIENCE);
    for (NodeProcess other : others) {
      command(other, "workers Forge", "WORKERS");
    }
    return sagaId;
  }

  private NodeProcess node(String nodeId, Duration lease) throws IOException {
    NodeProcess node = NodeProcess.start(REDIS.redisServer().uri(), namespace, nodeId, lease, PATIENCE);
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
