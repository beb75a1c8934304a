package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.NodeInfo;
import io.brokkr.runtime.ReadyQueue;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.SagaStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nodes announce themselves; operators see the live ones, the workers no live node hosts, and the
 * ready queues.
 */
public interface LiveNodesContract extends ContractFixture {

  private static NodeInfo find(Brokkr brokkr, String nodeId) {
    return brokkr.liveNodes().stream().filter(n -> n.nodeId().equals(nodeId)).findFirst()
        .orElseThrow(() -> new AssertionError(nodeId + " is not among " + brokkr.liveNodes()));
  }

  @Test
  default void aNodeAnnouncesItsWorkersAndWithdrawsWhenItCloses() {
    Brokkr hammers = node(b -> b.nodeId("hammers-1").concurrency(3));
    hammers.registerWorkers(Worker.sync("HeadFactory", inv -> "head"), Worker.sync("HandleFactory", inv -> "handle"));
    Brokkr watcher = node(b -> b.nodeId("watcher-1"));

    NodeInfo seen = find(watcher, "hammers-1");
    assertEquals(Set.of("HandleFactory", "HeadFactory"), seen.workers());
    assertEquals(3, seen.concurrency());
    assertEquals(0, seen.runningAttempts());
    assertFalse(seen.host().isEmpty());
    assertEquals(Set.of(), find(watcher, "watcher-1").workers());

    Brokkr observer = node(b -> b.nodeId("observer-1").announced(false));
    assertEquals(List.of("hammers-1", "watcher-1"), observer.liveNodes().stream().map(NodeInfo::nodeId).toList(),
        "a node built with announced(false) stays out of liveNodes");

    hammers.close();
    assertEquals(List.of("watcher-1"), watcher.liveNodes().stream().map(NodeInfo::nodeId).toList());
  }

  @Test
  default void anAnnouncementExpiresWhenItsNodeStopsRenewingIt() {
    try (SagaStore store = backend().open(namespace())) {
      store.announce(new NodeInfo("gone-1", "host", Set.of("Lost"), 1, 0, Instant.now()), Duration.ofMillis(50));
      assertTrue(store.liveNodes().stream().anyMatch(n -> n.nodeId().equals("gone-1")), store.liveNodes().toString());
      eventually("the announcement expired", () -> store.liveNodes().stream().noneMatch(n -> n.nodeId().equals("gone-1")));
    }
  }

  @Test
  default void aWorkerNoLiveNodeHostsIsStrandedUntilANodeRegistersIt() {
    Brokkr operator = node(b -> b.nodeId("operator-1"));
    Saga saga = operator.createSaga("stranded");
    saga.addStep("Orphan", List.of());
    saga.addStep("Orphan", List.of());
    saga.start();
    assertEquals(Map.of("Orphan", 2L), operator.strandedWorkers());

    Brokkr adopter = node(b -> b.nodeId("adopter-1"));
    adopter.registerWorker(Worker.sync("Orphan", inv -> "home"));
    eventually("the saga finished", () -> saga.getStatus() == SagaStatus.FINISHED);
    assertEquals(Map.of(), operator.strandedWorkers());
  }

  @Test
  default void readyQueuesShowEachWorkersDepthAndWhenItsOldestStepWasQueued() {
    Brokkr operator = node(b -> b.nodeId("operator-1"));
    assertEquals(List.of(), operator.readyQueues());
    // Stores keep times to the millisecond at least: the step may show queued within the millisecond before.
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Saga saga = operator.createSaga("queued");
    saga.addStep("Anvil", List.of());
    saga.addStep("Anvil", List.of());
    saga.addStep("Bellows", List.of());
    saga.start();
    Saga later = operator.createSaga("queued later");
    later.addStep("Anvil", List.of());
    later.start();

    List<ReadyQueue> queues = operator.readyQueues();
    Instant now = Instant.now();
    assertEquals(List.of("Anvil", "Bellows"), queues.stream().map(ReadyQueue::worker).toList());
    assertEquals(List.of(3L, 1L), queues.stream().map(ReadyQueue::depth).toList());
    for (ReadyQueue queue : queues) {
      Instant oldest = queue.oldestReadyAt().orElseThrow(() -> new AssertionError("no oldest step in " + queue));
      assertFalse(oldest.isBefore(before), queue + " queued before " + before);
      assertFalse(oldest.isAfter(now), queue + " queued after " + now);
    }

    Brokkr smith = node(b -> b.nodeId("smith-1"));
    smith.registerWorker(Worker.sync("Anvil", inv -> "struck"));
    eventually("the Anvil steps ran", () -> operator.readyQueues().stream().map(ReadyQueue::worker).toList()
        .equals(List.of("Bellows")));
    assertEquals(1L, operator.readyQueues().get(0).depth());
  }
}
