package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepOptions;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Nodes over one backend share the work; a fresh node resumes what a dead one left. */
public interface NodesContract extends ContractFixture {

  /** A worker that records which node ran which step. */
  private static Worker recording(String name, String node, Map<String, String> ranOn) {
    return Worker.sync(name, inv -> {
      ranOn.put(inv.stepId(), node);
      return node;
    });
  }

  /** A worker whose attempts block until the node running them is closed. */
  private static Worker blocking(String name, CountDownLatch running) {
    return Worker.sync(name, inv -> {
      running.countDown();
      new CountDownLatch(1).await();
      return "never";
    });
  }

  @Test
  default void twoNodesOnOneBackendEachRunOnlyTheirOwnWorkers() {
    Map<String, String> ranOn = new ConcurrentHashMap<>();
    Brokkr heads = node();
    Brokkr hammers = node();
    heads.registerWorker(recording("HammerHeadFactory", "heads", ranOn));
    hammers.registerWorkers(recording("HandleFactory", "hammers", ranOn), recording("HammerFactory", "hammers", ranOn));
    Saga saga = heads.createSaga();
    SagaStep head = saga.addStep("HammerHeadFactory", List.of());
    SagaStep handle = saga.addStep("HandleFactory", List.of());
    SagaStep hammer = saga.addStep("HammerFactory", List.of(), List.of(head.getId(), handle.getId()));
    saga.start();

    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(Map.of(head.getId(), "heads", handle.getId(), "hammers", hammer.getId(), "hammers"), ranOn);
    assertEquals(SagaStatus.FINISHED, outcome(hammers.getSaga(saga.getId()).orElseThrow()).status());
  }

  @Test
  default void aStepSettledThroughAnotherNodeAdvancesTheSagaEverywhere() {
    Recorder seenByFirst = new Recorder();
    Brokkr first = node(b -> b.listener(seenByFirst));
    Brokkr second = node();
    Saga saga = first.createSaga();
    SagaStep remote = saga.addStep("Remote", List.of());
    saga.start();

    assertTrue(second.getSaga(saga.getId()).orElseThrow().stepFinished(remote.getId(), "from the other node"));
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals("from the other node", remote.getResult(String.class).orElseThrow());
    eventually("the first node to see the saga finish", () -> seenByFirst.of(saga.getId()).contains("saga RUNNING->FINISHED"));
    assertTrue(seenByFirst.ofStep(saga.getId(), remote.getId()).contains("QUEUED->FINISHED"),
        "a listener sees transitions made by other nodes");
  }

  @Test
  default void aListenerAddedToARunningNodeSeesTransitionsUntilItsSubscriptionCloses() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("Forge", inv -> "forged"));
    Recorder added = new Recorder();
    Brokkr.Subscription subscription = brokkr.addListener(added);
    Saga seen = brokkr.createSaga();
    SagaStep forge = seen.addStep("Forge", List.of());
    seen.start();
    assertEquals(SagaStatus.FINISHED, outcome(seen).status());
    eventually("the added listener to see the saga finish", () -> added.of(seen.getId()).contains("saga RUNNING->FINISHED"));
    assertTrue(added.ofStep(seen.getId(), forge.getId()).contains("RUNNING->FINISHED"), added.all().toString());

    subscription.close();
    subscription.close();
    // Listeners run one after the other on one thread: once the later one saw the saga finish, the
    // removed one would have seen it too.
    Recorder later = new Recorder();
    brokkr.addListener(later);
    Saga unseen = brokkr.createSaga();
    unseen.addStep("Forge", List.of());
    unseen.start();
    eventually("the later listener to see the saga finish", () -> later.of(unseen.getId()).contains("saga RUNNING->FINISHED"));

    assertEquals(List.of(), added.of(unseen.getId()), "a closed subscription sees nothing more");
  }

  @Test
  default void namespacesAreIsolated() {
    Map<String, String> ranOn = new ConcurrentHashMap<>();
    Brokkr here = node();
    Brokkr elsewhere = node(b -> b.namespace(namespace() + "-elsewhere"));
    elsewhere.registerWorker(recording("W", "elsewhere", ranOn));
    Saga saga = here.createSaga();
    SagaStep step = saga.addStep("W", List.of());
    saga.start();

    assertEquals(Optional.empty(), elsewhere.getSaga(saga.getId()));
    here.registerWorker(recording("W", "here", ranOn));
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(Map.of(step.getId(), "here"), ranOn);
  }

  @Test
  default void aClosingNodeHandsItsRunningStepBackUncountedAndAFreshNodeRunsIt() {
    CountDownLatch running = new CountDownLatch(1);
    Brokkr dying = node(b -> b.leaseDuration(Duration.ofMillis(150)).drainTimeout(Duration.ZERO));
    dying.registerWorker(blocking("Forge", running));
    Saga saga = dying.createSaga();
    SagaStep step = saga.addStep("Forge", List.of());
    saga.start();
    await(running, "the first attempt to run");
    dying.close();

    Map<String, String> ranOn = new ConcurrentHashMap<>();
    Brokkr fresh = node();
    assertEquals(1, fresh.restorePreviousState(), "the saga still runs: its step waits, handed back");
    fresh.registerWorker(recording("Forge", "fresh", ranOn));
    Saga resumed = fresh.getSaga(saga.getId()).orElseThrow();
    assertEquals(SagaStatus.FINISHED, outcome(resumed).status());
    assertEquals(Map.of(step.getId(), "fresh"), ranOn);
    assertEquals(1, resumed.getStep(step.getId()).orElseThrow().getAttempt(), "the handed-back attempt is not counted");
  }

  @Test
  default void aNodeRestartedUnderItsIdRetriesItsLostAttemptAtOnce() {
    CountDownLatch running = new CountDownLatch(1);
    Brokkr before = node(b -> b.nodeId("forge-1"));
    before.registerWorker(blocking("Forge", running));
    Saga saga = before.createSaga();
    SagaStep step = saga.addStep("Forge", List.of());
    saga.start();
    await(running, "the first attempt to run");
    before.close();

    Map<String, String> ranOn = new ConcurrentHashMap<>();
    Brokkr after = node(b -> b.nodeId("forge-1"));
    assertEquals(1, after.restorePreviousState(), "the closed node handed its attempt back: the saga runs");
    after.registerWorker(recording("Forge", "after", ranOn));
    assertEquals(SagaStatus.FINISHED, outcome(after.getSaga(saga.getId()).orElseThrow()).status());
    assertEquals(Map.of(step.getId(), "after"), ranOn);
  }

  @Test
  default void aFreshNodeRearmsTheBackoffOfARetry() {
    // Long enough that the dying node is closed before its own backoff timer fires.
    RetryPolicy slowRetry = new RetryPolicy(2, Duration.ofMillis(500), 1.0, Duration.ofMillis(500));
    Brokkr dying = node();
    dying.registerWorker(Worker.sync("Flaky", inv -> {
      throw new IllegalStateException("first attempt fails");
    }));
    Saga saga = dying.createSaga();
    SagaStep step = saga.addStep("Flaky", List.of(), List.of(), StepOptions.DEFAULTS.withRetry(slowRetry));
    saga.start();
    eventually("the first attempt to fail", () -> step.getAttempt() == 1 && step.getStatus() == StepStatus.QUEUED);
    dying.close();

    Brokkr fresh = node();
    assertEquals(1, fresh.restorePreviousState(), "counted before a worker here could finish it");
    fresh.registerWorker(Worker.sync("Flaky", inv -> "attempt " + inv.attempt()));
    Saga resumed = fresh.getSaga(saga.getId()).orElseThrow();
    assertEquals(SagaStatus.FINISHED, outcome(resumed).status());
    assertEquals("attempt 2", resumed.getStep(step.getId()).orElseThrow().getResult(String.class).orElseThrow());
  }

  @Test
  default void aFreshNodeRearmsTheTimeoutOfAnAsyncStep() {
    Brokkr dying = node();
    dying.registerWorker(Worker.async("Publish", inv -> {}));
    Saga saga = dying.createSaga();
    SagaStep step = saga.addStep("Publish", List.of(), List.of(),
        StepOptions.DEFAULTS.withRetry(RetryPolicy.NO_RETRY).withTimeout(Duration.ofMillis(500)));
    saga.start();
    eventually("the step to run", () -> step.getStatus() == StepStatus.RUNNING);
    dying.close();

    Brokkr fresh = node();
    assertEquals(1, fresh.restorePreviousState());
    Saga resumed = fresh.getSaga(saga.getId()).orElseThrow();
    assertEquals(SagaStatus.COMPENSATED, outcome(resumed).status());
    String reason = resumed.getStep(step.getId()).orElseThrow().getFailureReason().orElseThrow();
    assertEquals("attempt 1 timed out after 500ms", reason, "the store's timer failed it");
  }

  @Test
  default void restoringCountsTheUnfinishedSagasOnly() {
    Brokkr brokkr = node();
    Saga finished = brokkr.createSaga();
    finished.start();
    brokkr.createSaga();
    Saga waiting = brokkr.createSaga();
    waiting.addStep("Remote", List.of());
    waiting.start();
    assertEquals(SagaStatus.FINISHED, outcome(finished).status());
    assertEquals(1, node().restorePreviousState());
  }

  @Test
  default void aClosedNodeLeavesNoThreadsBehind() {
    Brokkr brokkr = node(b -> b.nodeId("leak-check"));
    AtomicReference<String> thread = new AtomicReference<>();
    brokkr.registerWorker(Worker.sync("W", inv -> {
      thread.set(Thread.currentThread().getName());
      return null;
    }));
    Saga saga = brokkr.createSaga();
    saga.addStep("W", List.of());
    saga.start();
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertTrue(thread.get().startsWith("brokkr-leak-check-"), thread.get());

    brokkr.close();
    // A terminated pool's threads may take a moment to exit their run loop; they must, soon.
    eventually("the node's threads to end", () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && t.getName().startsWith("brokkr-leak-check-")));
  }
}
