package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.SagaStep;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreLimits;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input gets a clear exception and changes nothing. */
public interface BadInputContract extends ContractFixture {

  /** What a saga looks like from outside: its status and every step's id and status. */
  private static String state(Saga saga) {
    return saga.getStatus() + " " + saga.getSteps().stream().map(s -> s.getId() + "=" + s.getStatus()).toList();
  }

  private static <X extends Throwable> X rejected(Class<X> type, Saga saga, Executable call, String... mentions) {
    String before = state(saga);
    X e = assertThrows(type, call);
    for (String mention : mentions) {
      assertTrue(e.getMessage().contains(mention), "\"" + e.getMessage() + "\" should mention " + mention);
    }
    assertEquals(before, state(saga), "the rejected call changed the saga");
    return e;
  }

  @Test
  default void aDependencyThatIsNotAStepOfThisSagaIsNamed() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    SagaStep a = saga.addStep("A", List.of());
    Saga other = brokkr.createSaga();
    SagaStep foreign = other.addStep("A", List.of());
    rejected(IllegalArgumentException.class, saga,
        () -> saga.addStep("B", List.of(), List.of(a.getId(), "no-such-step")), "no-such-step", saga.getId());
    rejected(IllegalArgumentException.class, saga,
        () -> saga.addStep("B", List.of(), List.of(foreign.getId())), foreign.getId());
    assertEquals(1, saga.getSteps().size());
  }

  @Test
  default void argsThatAreNotJsonEncodableAreNamed() {
    Saga saga = node().createSaga();
    rejected(IllegalArgumentException.class, saga,
        () -> saga.addStep("A", List.of("fine", new Object())), "arg 1", "not JSON-encodable");
    SagaStep step = saga.addStep("A", List.of());
    rejected(IllegalArgumentException.class, saga,
        () -> step.compensateWith("Undo", List.of(new Object())), "arg 0", "compensator");
    assertEquals(List.of(step.getId()), saga.getSteps().stream().map(SagaStep::getId).toList());
  }

  @Test
  default void argsOverThePayloadLimitAreRefusedByEveryStoreWithTheSameMessage() {
    Saga saga = node().createSaga();
    // 1 MiB of text is 4 bytes more as a JSON array: ["..."].
    String big = "x".repeat(StoreLimits.DEFAULT_PAYLOAD_LIMIT);
    IllegalArgumentException e = rejected(IllegalArgumentException.class, saga, () -> saga.addStep("A", List.of(big)));
    String sameEverywhere = e.getMessage().replace(saga.getId(), "<saga>").replaceAll("step \"[^\"]+\"", "step <step>");
    assertEquals("the args of step <step> of saga <saga> is 1048580 bytes of JSON, over the payload limit of 1048576"
        + " bytes (RedisOptions.withPayloadLimit, InMemoryBackend.create(retention, payloadLimit))", sameEverywhere);
    SagaStep step = saga.addStep("Remote", List.of());
    rejected(IllegalArgumentException.class, saga, () -> step.compensateWith("Undo", List.of(big)),
        "the args of compensator step", "over the payload limit of 1048576 bytes");
    saga.start();
    rejected(IllegalArgumentException.class, saga, () -> saga.stepFinished(step.getId(), big),
        "the result of step \"" + step.getId() + "\" of saga " + saga.getId() + " is 1048578 bytes");
    assertEquals(StepStatus.QUEUED, step.getStatus());
  }

  @Test
  default void idsOutsideTheRulesAreRefusedByEveryStoreWithTheSameMessage() {
    SagaStore store = store();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.createSaga("a{b}"));
    assertEquals("saga id \"a{b}\" is not allowed: it contains '{'; ids are 1 to 200 characters without '{', '}' or"
        + " control characters", e.getMessage());
    store.createSaga("s");
    StepSpec tabbed = new StepSpec("a\tb", "W", List.of(), "[]", FAST, Optional.empty());
    e = assertThrows(IllegalArgumentException.class, () -> store.addStep("s", tabbed));
    assertTrue(e.getMessage().startsWith("step id \"a\\u0009b\" is not allowed: it contains the control character"),
        e.getMessage());
    assertTrue(store.load("s").orElseThrow().steps().isEmpty(), "nothing was written");
    assertTrue(store.load("a{b}").isEmpty());
  }

  @Test
  default void aResultThatIsNotJsonEncodableIsRejectedAndTheStepKeepsRunning() {
    Saga saga = node().createSaga();
    SagaStep step = saga.addStep("Remote", List.of());
    saga.start();
    rejected(IllegalArgumentException.class, saga, () -> saga.stepFinished(step.getId(), new Object()),
        "result", step.getId(), "not JSON-encodable");
    assertEquals(StepStatus.QUEUED, step.getStatus());
  }

  @Test
  default void aStepIdOfAnotherSagaIsRejected() {
    Brokkr brokkr = node();
    Saga saga = brokkr.createSaga();
    saga.addStep("Remote", List.of());
    saga.start();
    Saga other = brokkr.createSaga();
    SagaStep foreign = other.addStep("Remote", List.of());
    other.start();
    String otherBefore = state(other);
    rejected(IllegalArgumentException.class, saga, () -> saga.stepFinished(foreign.getId()), foreign.getId(), saga.getId());
    rejected(IllegalArgumentException.class, saga, () -> saga.stepFailed(foreign.getId(), "x"), foreign.getId());
    assertEquals(otherBefore, state(other));
  }

  @Test
  default void onlyACreatedSagaCanBeStarted() {
    Saga saga = node().createSaga();
    saga.addStep("Remote", List.of());
    saga.start();
    rejected(IllegalStateException.class, saga, saga::start, "RUNNING", "CREATED");
    Throwable async = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> saga.startAsync().toCompletableFuture().get()).getCause();
    assertTrue(async instanceof IllegalStateException, String.valueOf(async));
  }

  @Test
  default void aSettledSagaTakesNoNewSteps() {
    Saga saga = node().createSaga();
    SagaStep step = saga.addStep("Remote", List.of());
    saga.start();
    saga.stepFinished(step.getId());
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    rejected(IllegalStateException.class, saga, () -> saga.addStep("More", List.of()), "FINISHED");
    rejected(IllegalStateException.class, saga, () -> step.compensateWith("Undo", List.of()), "FINISHED");
  }

  @Test
  default void aStepHasAtMostOneCompensator() {
    Saga saga = node().createSaga();
    SagaStep step = saga.addStep("A", List.of());
    SagaStep undo = step.compensateWith("Undo", List.of());
    rejected(IllegalStateException.class, saga, () -> step.compensateWith("OtherUndo", List.of()),
        step.getId(), undo.getId(), "compensator already");
    rejected(IllegalArgumentException.class, saga, () -> undo.compensateWith("UndoTheUndo", List.of()), "is a compensator");
  }

  @Test
  default void aStepThatDidNotStartCannotBeSettled() {
    Saga saga = node().createSaga();
    SagaStep first = saga.addStep("Remote", List.of());
    SagaStep second = saga.addStep("Remote", List.of(), List.of(first.getId()));
    SagaStep undo = first.compensateWith("Undo", List.of());
    saga.start();
    rejected(IllegalStateException.class, saga, () -> saga.stepFinished(second.getId()), second.getId(), "CREATED");
    rejected(IllegalStateException.class, saga, () -> saga.stepFailed(undo.getId(), "x"), "WAITING_FOR_COMPENSATION");
  }

  @Test
  default void aWorkerNameIsRegisteredOncePerNode() {
    Brokkr brokkr = node();
    brokkr.registerWorker(Worker.sync("W", inv -> null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> brokkr.registerWorker(Worker.sync("W", inv -> "other")));
    assertTrue(e.getMessage().contains("\"W\""), e.getMessage());
    Saga blank = brokkr.createSaga();
    rejected(IllegalArgumentException.class, blank, () -> blank.addStep(" ", List.of()), "worker name");
  }

  @Test
  default void aWorkerNameOutsideTheNamingRuleIsQuoted() {
    Saga saga = node().createSaga();
    rejected(IllegalArgumentException.class, saga, () -> saga.addStep("charge card", List.of()),
        "\"charge card\"", "not valid");
    SagaStep step = saga.addStep("Charge.card_v2-eu", List.of());
    rejected(IllegalArgumentException.class, saga, () -> step.compensateWith("refund:card", List.of()),
        "\"refund:card\"", "not valid");
    assertEquals(List.of(step.getId()), saga.getSteps().stream().map(SagaStep::getId).toList());
  }
}
