package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepRef;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import io.brokkr.runtime.spi.StoreRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transitions that do in one call what took several: {@link SagaStore#createAndStart} does what
 * createSaga, addStep, addCompensator and start do one after the other, with the same result,
 * events and rejections, and nothing written when rejected; {@link SagaStore#finishAndClaim}
 * finishes a step and claims, for the caller's workers, a step the completion made ready, or when
 * it made none, the next queued step of the same saga for the finished step's worker;
 * {@link SagaStore#createStartAndClaim} claims some of the steps the start made ready. A store
 * passes when its subclass passes unchanged.
 */
public abstract class OneCallContractTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final RetryPolicy RETRY = new RetryPolicy(2, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
  private final List<SagaStore> stores = new ArrayList<>();

  /** A new, empty store in namespace {@code namespace} of the backend under test. */
  protected abstract SagaStore open(String namespace);

  @AfterEach
  final void closeStores() {
    stores.forEach(SagaStore::close);
  }

  private SagaStore store() {
    SagaStore store = open("draft-" + UUID.randomUUID());
    stores.add(store);
    return store;
  }

  private static StepSpec spec(String id, String worker, String... dependsOn) {
    return new StepSpec(id, worker, List.of(dependsOn), "[\"" + id + "\"]", RETRY, Optional.of(Duration.ofSeconds(5)));
  }

  private static SagaDraft hammer(String sagaId) {
    Map<String, StepSpec> compensators = new LinkedHashMap<>();
    compensators.put("head", spec("head/compensator", "Undo", "head"));
    compensators.put("hammer", spec("hammer/compensator", "Undo", "hammer"));
    return new SagaDraft(sagaId, List.of(spec("head", "Head"), spec("handle", "Handle"),
        spec("hammer", "Hammer", "head", "handle")), compensators);
  }

  @Test
  void aDraftStartsAsTheStepByStepCallsDo() {
    SagaStore stepByStep = store();
    List<StoreEvent> stepByStepEvents = events(stepByStep);
    SagaDraft draft = hammer("s");
    stepByStep.createSaga("s");
    draft.steps().forEach(step -> stepByStep.addStep("s", step));
    draft.compensators().forEach((stepId, c) -> stepByStep.addCompensator("s", stepId, c));
    Change expected = stepByStep.start("s");

    SagaStore drafted = store();
    List<StoreEvent> draftedEvents = events(drafted);
    Change change = drafted.createAndStart(draft);

    assertEquals(expected, change);
    assertEquals(List.of(new Change.Ready(new StepRef("s", "head"), "Head"), new Change.Ready(new StepRef("s", "handle"), "Handle")),
        change.ready());
    assertEquals(stepByStep.load("s").map(OneCallContractTest::timeless), drafted.load("s").map(OneCallContractTest::timeless),
        "the same saga, but for when each store wrote it");
    assertEquals(SagaStatus.RUNNING, drafted.load("s").orElseThrow().status());
    StoreEvent last = new StoreEvent.WorkReady("s", "handle", "Handle");
    waitFor(() -> draftedEvents.contains(last) && stepByStepEvents.contains(last));
    assertEquals(stepByStepEvents, draftedEvents);
  }

  @Test
  void aDraftWithoutStepsFinishesAtOnce() {
    SagaStore store = store();
    assertEquals(List.of(), store.createAndStart(new SagaDraft("s", List.of(), Map.of())).ready());
    assertEquals(SagaStatus.FINISHED, store.load("s").orElseThrow().status());
    assertEquals(List.of(), store.unfinishedSagas());
  }

  @Test
  void aRejectedDraftWritesNothing() {
    SagaStore store = store();
    assertRejected(store, Rejection.DUPLICATE_STEP, new SagaDraft("s", List.of(spec("a", "A"), spec("a", "A")), Map.of()));
    assertRejected(store, Rejection.UNKNOWN_DEPENDENCY, new SagaDraft("s", List.of(spec("a", "A", "b"), spec("b", "B")), Map.of()));
    assertRejected(store, Rejection.DUPLICATE_DEPENDENCY,
        new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a", "a")), Map.of()));
    assertRejected(store, Rejection.NO_SUCH_STEP,
        new SagaDraft("s", List.of(spec("a", "A")), Map.of("x", spec("x/compensator", "U", "x"))));
    assertRejected(store, Rejection.DUPLICATE_STEP,
        new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B")), Map.of("a", spec("b", "U", "a"))));
    Map<String, StepSpec> ofCompensator = new LinkedHashMap<>();
    ofCompensator.put("a", spec("a/compensator", "U", "a"));
    ofCompensator.put("a/compensator", spec("c", "U", "a/compensator"));
    assertRejected(store, Rejection.COMPENSATOR_OF_COMPENSATOR, new SagaDraft("s", List.of(spec("a", "A")), ofCompensator));
    assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE));
  }

  @Test
  void aDraftForASagaThatExistsChangesNothing() {
    SagaStore store = store();
    store.createSaga("s");
    store.addStep("s", spec("a", "A"));
    SagaSnapshot before = store.load("s").orElseThrow();
    StoreRejectedException e = assertThrows(StoreRejectedException.class, () -> store.createAndStart(hammer("s")));
    assertEquals(Rejection.SAGA_EXISTS, e.reason());
    assertEquals(before, store.load("s").orElseThrow());
  }

  @Test
  void aCompletionClaimsTheStepItMakesReadyForTheCallersWorkers() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a")), Map.of()));
    Claim a = claim(store, "A");
    Change change = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.of("1"),
        new ClaimRequest("node-2", T0, LEASE, Set.of("B", "Other")));
    assertTrue(change.applied());
    assertEquals(List.of(), change.ready(), "the claimed step is not left for others");
    Claim b = change.claimed().orElseThrow();
    assertEquals(new StepRef("s", "b"), b.step().ref());
    assertEquals(StepStatus.RUNNING, b.step().status());
    assertEquals(1, b.step().attempt());
    assertEquals("node-2", b.lease().owner());
    assertEquals(T0.plus(LEASE), b.lease().until());
    assertEquals(Optional.of(T0.plusSeconds(5)), b.lease().deadline());
    assertTrue(b.lease().token() > a.lease().token());
    assertEquals(List.of("1"), b.dependencyResultsJson());
    assertEquals("[\"b\"]", b.step().spec().argsJson());
    assertEquals(Optional.empty(), store.claimNext("B", "node-1", T0, LEASE), "claimed once");
    assertEquals(b.step(), store.load("s").orElseThrow().step("b").orElseThrow());

    assertFalse(store.finish(b.step().ref(), Settler.attempt(a.lease().token()), Optional.empty()).applied(),
        "fenced by its own token");
    assertTrue(store.finish(b.step().ref(), Settler.attempt(b.lease().token()), Optional.empty()).applied());
    assertEquals(SagaStatus.FINISHED, store.load("s").orElseThrow().status());
  }

  @Test
  void aStepThatACallMadeReadyAndClaimedIsNotAnnouncedToOthers() {
    SagaStore store = store();
    List<StoreEvent> events = events(store);
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a")), Map.of()));
    Claim a = claim(store, "A");
    Change change = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.of("1"),
        new ClaimRequest("node-2", T0, LEASE, Set.of("B")));
    Claim b = change.claimed().orElseThrow();
    assertTrue(store.finish(b.step().ref(), Settler.attempt(b.lease().token()), Optional.empty()).applied());
    waitFor(() -> events.stream().anyMatch(e -> e instanceof StoreEvent.SagaMoved moved && moved.to() == SagaStatus.FINISHED));

    // A hint may come twice (StoreEvent.WorkReady): on a Cluster, a's worker channel subscribed to by
    // the claim of a can still relay the announcement its creation published on another master.
    assertEquals(List.of(new StoreEvent.WorkReady("s", "a", "A")),
        events.stream().filter(StoreEvent.WorkReady.class::isInstance).distinct().toList(), "b went to its claimer alone");
    assertEquals(List.of("CREATED->QUEUED", "QUEUED->RUNNING", "RUNNING->FINISHED"), events.stream()
        .filter(e -> e instanceof StoreEvent.StepMoved moved && moved.stepId().equals("b"))
        .map(e -> ((StoreEvent.StepMoved) e).from() + "->" + ((StoreEvent.StepMoved) e).to()).toList());
  }

  @Test
  void aJoinIsClaimedByTheCompletionOfItsLastDependencyWithEveryResult() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B"), spec("c", "C", "a", "b")), Map.of()));
    ClaimRequest forC = new ClaimRequest("node-1", T0, LEASE, Set.of("C"));
    Claim a = claim(store, "A");
    Claim b = claim(store, "B");
    Change first = store.finishAndClaim(b.step().ref(), Settler.attempt(b.lease().token()), Optional.of("2"), forC);
    assertEquals(Optional.empty(), first.claimed(), "c still waits for a");
    Change last = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.of("1"), forC);
    assertEquals(List.of("1", "2"), last.claimed().orElseThrow().dependencyResultsJson(), "in declared order");
  }

  @Test
  void aCompletionLeavesWhatItMakesReadyForOtherWorkersQueued() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a")), Map.of()));
    Claim a = claim(store, "A");
    Change change = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.empty(),
        new ClaimRequest("node-1", T0, LEASE, Set.of("A")));
    assertEquals(Optional.empty(), change.claimed());
    assertEquals(List.of(new Change.Ready(new StepRef("s", "b"), "B")), change.ready());
    assertEquals(List.of("null"), claim(store, "B").dependencyResultsJson());
  }

  @Test
  void aCompletionClaimsUpToMaxOfTheStepsItMakesReadyForTheCallersWorkersInOrder() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a"), spec("c", "A", "a"),
        spec("d", "C", "a"), spec("e", "A", "a")), Map.of()));
    Claim a = claim(store, "A");
    Change change = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.of("1"),
        new ClaimRequest("node-2", T0, LEASE, Set.of("A", "B")), 2);
    assertEquals(List.of(new StepRef("s", "b"), new StepRef("s", "c")),
        change.claims().stream().map(c -> c.step().ref()).toList());
    assertEquals(List.of(new Change.Ready(new StepRef("s", "d"), "C"), new Change.Ready(new StepRef("s", "e"), "A")),
        change.ready(), "the claimed steps are not left for others");
    for (Claim claim : change.claims()) {
      assertEquals(StepStatus.RUNNING, claim.step().status());
      assertEquals("node-2", claim.lease().owner());
      assertEquals(List.of("1"), claim.dependencyResultsJson());
      assertEquals(claim.step(), store.load("s").orElseThrow().step(claim.step().ref().stepId()).orElseThrow());
    }
    assertTrue(change.claims().get(0).lease().token() != change.claims().get(1).lease().token());
    assertEquals(new StepRef("s", "e"), claim(store, "A").step().ref(), "c claimed once");
  }

  @Test
  void aCompletionClaimsAtLeastOneStep() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a")), Map.of()));
    Claim a = claim(store, "A");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.finishAndClaim(a.step().ref(),
        Settler.attempt(a.lease().token()), Optional.empty(), new ClaimRequest("node-1", T0, LEASE, Set.of("B")), 0));
    assertEquals("a completion claims at least 1 step, not 0", e.getMessage());
    assertEquals(StepStatus.RUNNING, store.load("s").orElseThrow().step("a").orElseThrow().status(), "nothing done");
  }

  @Test
  void aCompletionThatMakesNothingReadyClaimsTheNextQueuedStepOfItsSagaForTheSameWorker() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "A"), spec("c", "A"),
        spec("d", "D", "a", "b", "c")), Map.of()));
    Claim a = claim(store, "A");
    Change change = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.of("1"),
        new ClaimRequest("node-2", T0, LEASE, Set.of("A")));
    assertTrue(change.applied());
    assertEquals(List.of(), change.ready());
    Claim b = change.claimed().orElseThrow(() -> new AssertionError("b heads the queue of A"));
    assertEquals(new StepRef("s", "b"), b.step().ref());
    assertEquals(StepStatus.RUNNING, b.step().status());
    assertEquals(1, b.step().attempt());
    assertEquals("node-2", b.lease().owner());
    assertEquals(T0.plus(LEASE), b.lease().until());
    assertTrue(b.lease().token() > a.lease().token());
    assertEquals("[\"b\"]", b.step().spec().argsJson());
    assertTrue(b.readyAt().isPresent(), "b waited in its queue");
    assertEquals(b.step(), store.load("s").orElseThrow().step("b").orElseThrow());
    assertEquals(new StepRef("s", "c"), claim(store, "A").step().ref(), "b claimed once, c next");
    assertEquals(Optional.empty(), store.claimNext("A", "node-1", T0, LEASE));
  }

  @Test
  void aCompletionClaimsNoQueuedStepForAWorkerTheCallerLacks() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "A")), Map.of()));
    Claim a = claim(store, "A");
    Change change = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.empty(),
        new ClaimRequest("node-1", T0, LEASE, Set.of("B")));
    assertEquals(Optional.empty(), change.claimed());
    assertEquals(new StepRef("s", "b"), claim(store, "A").step().ref());
  }

  @Test
  void aCompletionClaimsNoQueuedStepOfAnotherSaga() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A")), Map.of()));
    store.createAndStart(new SagaDraft("t", List.of(spec("a", "A")), Map.of()));
    // Whichever comes first (Redis takes its partitions in turn), the other saga's step stays queued.
    Claim first = claim(store, "A");
    String other = first.step().ref().sagaId().equals("s") ? "t" : "s";
    Change change = store.finishAndClaim(first.step().ref(), Settler.attempt(first.lease().token()), Optional.empty(),
        new ClaimRequest("node-1", T0, LEASE, Set.of("A")));
    assertEquals(Optional.empty(), change.claimed());
    assertEquals(SagaStatus.FINISHED, store.load(first.step().ref().sagaId()).orElseThrow().status());
    assertEquals(new StepRef(other, "a"), claim(store, "A").step().ref());
  }

  @Test
  void aStartClaimsUpToMaxOfTheStepsItMakesReadyForTheCallersWorkersInOrder() {
    SagaStore store = store();
    Change change = store.createStartAndClaim(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B"), spec("c", "A"),
        spec("d", "C"), spec("e", "A", "a")), Map.of()), new ClaimRequest("node-2", T0, LEASE, Set.of("A", "B")), 2);
    assertTrue(change.applied());
    assertEquals(List.of(new StepRef("s", "a"), new StepRef("s", "b")),
        change.claims().stream().map(c -> c.step().ref()).toList());
    assertEquals(List.of(new Change.Ready(new StepRef("s", "c"), "A"), new Change.Ready(new StepRef("s", "d"), "C")),
        change.ready(), "the claimed steps are not left for others");
    Claim a = change.claims().get(0);
    Claim b = change.claims().get(1);
    assertEquals(StepStatus.RUNNING, a.step().status());
    assertEquals(1, a.step().attempt());
    assertEquals("node-2", a.lease().owner());
    assertEquals(T0.plus(LEASE), a.lease().until());
    assertEquals("[\"a\"]", a.step().spec().argsJson());
    assertEquals(List.of(), a.dependencyResultsJson());
    assertTrue(b.lease().token() != a.lease().token());
    SagaSnapshot saga = store.load("s").orElseThrow();
    assertEquals(SagaStatus.RUNNING, saga.status());
    assertEquals(a.step(), saga.step("a").orElseThrow());
    assertEquals(b.step(), saga.step("b").orElseThrow());
    assertEquals(new StepRef("s", "c"), claim(store, "A").step().ref(), "claimed once");

    assertTrue(store.finish(a.step().ref(), Settler.attempt(a.lease().token()), Optional.of("1")).applied());
    assertEquals(List.of("1"), claim(store, "A").dependencyResultsJson());
  }

  @Test
  void aStartClaimsNothingForOtherWorkers() {
    SagaStore store = store();
    Change change = store.createStartAndClaim(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a")), Map.of()),
        new ClaimRequest("node-1", T0, LEASE, Set.of("B")), 4);
    assertEquals(List.of(), change.claims());
    assertEquals(List.of(new Change.Ready(new StepRef("s", "a"), "A")), change.ready());
    assertEquals(new StepRef("s", "a"), claim(store, "A").step().ref());
  }

  @Test
  void aStaleCompletionClaimsNothing() {
    SagaStore store = store();
    store.createAndStart(new SagaDraft("s", List.of(spec("a", "A"), spec("b", "B", "a")), Map.of()));
    Claim a = claim(store, "A");
    Change stale = store.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token() + 1), Optional.empty(),
        new ClaimRequest("node-1", T0, LEASE, Set.of("B")));
    assertEquals(Change.NONE, stale);
    assertEquals(StepStatus.CREATED, store.load("s").orElseThrow().step("b").orElseThrow().status());
  }

  private static Claim claim(SagaStore store, String worker) {
    return store.claimNext(worker, "node-1", T0, LEASE).orElseThrow(() -> new AssertionError("nothing to claim for " + worker));
  }

  private static void assertRejected(SagaStore store, Rejection reason, SagaDraft draft) {
    StoreRejectedException e = assertThrows(StoreRejectedException.class, () -> store.createAndStart(draft));
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(Optional.empty(), store.load(draft.sagaId()), "nothing written for " + reason);
  }

  private static List<StoreEvent> events(SagaStore store) {
    List<StoreEvent> events = new CopyOnWriteArrayList<>();
    store.subscribe(events::add);
    return events;
  }

  private static void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + ContractFixture.PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited in vain for the events");
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  private static SagaSnapshot timeless(SagaSnapshot saga) {
    return new SagaSnapshot(saga.sagaId(), saga.status(), saga.failure(), saga.steps(), saga.name(), Instant.EPOCH,
        Instant.EPOCH);
  }
}
