package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.Rejection;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SagaStore#createAndStart}: one transition that does what createSaga, addStep,
 * addCompensator and start do one after the other, with the same result, events and rejections,
 * and nothing written when rejected. A store passes when its subclass passes unchanged.
 */
public abstract class SagaDraftContractTest {
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
    assertEquals(stepByStep.load("s"), drafted.load("s"));
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
    assertEquals(Optional.empty(), store.claimNext("A", "node-1", Instant.EPOCH, Duration.ofSeconds(30)));
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
}
