package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaValidationException;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.dsl.yaml.SagaYaml;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaFailedException;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepResults;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.Worker;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A template starts a saga: one step per template step, named after it, with its inputs as args. */
public interface TemplateContract extends ContractFixture {

  private static SagaTemplate hammer() {
    return SagaTemplate.named("Hammer")
        .input("headType", "String")
        .input("handleSize", "String")
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .step("head").worker("HammerHeadFactory").inputs("headType")
        .compensateWith("HammerHeadDestroyer", "anExampleArg")
        .step("handle").worker("HandleFactory").inputs("handleSize", "headType")
        .build();
  }

  private Brokkr hammerNode(Map<String, Object> seen, boolean hammerFails) {
    Brokkr brokkr = node();
    brokkr.registerWorkers(
        Worker.sync("HammerHeadFactory", inv -> {
          seen.put("head", inv.args());
          return Map.of("headId", "head-1");
        }),
        Worker.sync("HandleFactory", inv -> {
          seen.put("handle", inv.args());
          return Map.of("handleId", "handle-1");
        }),
        Worker.sync("HammerFactory", inv -> {
          if (hammerFails) {
            throw new IllegalStateException("the anvil cracked");
          }
          return "hammer of " + inv.dependencyResults();
        }),
        Worker.sync("HammerHeadDestroyer", inv -> {
          seen.put("destroyer", List.of(inv.args(), inv.dependencyResults()));
          return null;
        }));
    return brokkr;
  }

  @Test
  default void aTemplateStartsASagaWhoseStepsAreNamedAndGetTheirInputs() {
    Map<String, Object> seen = new ConcurrentHashMap<>();
    Brokkr brokkr = hammerNode(seen, false);
    SagaHandle<StepResults> handle = brokkr.start(hammer(), Map.of("headType", "ThunderBestowed", "handleSize", "short"));

    StepResults results = await(handle.result());
    assertEquals("hammer of [{headId=head-1}, {handleId=handle-1}]", results.get("hammer", String.class));
    assertEquals(List.of("ThunderBestowed"), seen.get("head"));
    assertEquals(List.of("short", "ThunderBestowed"), seen.get("handle"), "inputs in the step's order");
    Saga saga = brokkr.getSaga(handle.sagaId()).orElseThrow();
    assertEquals(List.of("head", "handle", "hammer", "head/compensator"),
        saga.getSteps().stream().map(s -> s.getId()).toList(), "dependencies first, then compensators");
    assertEquals("HammerHeadDestroyer", saga.getStep("head").orElseThrow().getCompensator().orElseThrow().getWorkerName());
    assertEquals(StepStatus.SKIPPED, saga.getStep("head/compensator").orElseThrow().getStatus());
  }

  @Test
  default void aCompensatorFromATemplateGetsItsFixedArgsThenItsInputsAndTheStepsResult() {
    Map<String, Object> seen = new ConcurrentHashMap<>();
    Brokkr brokkr = hammerNode(seen, true);
    SagaTemplate template = SagaTemplate.named("Hammer")
        .input("headType", "String")
        .compensate("head", "HammerHeadDestroyer", List.of("fixed", 7), List.of("headType"))
        .step("head").worker("HammerHeadFactory").inputs("headType")
        .step("hammer").worker("HammerFactory").dependsOn("head")
        .build();
    SagaHandle<StepResults> handle = brokkr.start(template, Map.of("headType", "ThunderBestowed"));

    CompletionException e = assertThrows(CompletionException.class, () -> handle.result().join());
    SagaFailedException failed = (SagaFailedException) e.getCause();
    assertEquals(SagaStatus.COMPENSATED, failed.outcome().status());
    assertEquals("hammer", failed.outcome().failure().orElseThrow().stepId());
    assertEquals(List.of(List.of("fixed", 7, "ThunderBestowed"), List.of(Map.of("headId", "head-1"))), seen.get("destroyer"));
  }

  @Test
  default void aTemplatesRetryPolicyAndTimeoutApplyToItsSteps() {
    Brokkr brokkr = node();
    AtomicInteger attempts = new AtomicInteger();
    brokkr.registerWorkers(
        Worker.sync("Once", inv -> {
          attempts.incrementAndGet();
          throw new IllegalStateException("no");
        }),
        Worker.async("Never", inv -> {}));
    SagaTemplate once = SagaTemplate.named("Once").step("once").worker("Once").retry(RetryPolicy.NO_RETRY).build();
    SagaTemplate never = SagaTemplate.named("Never")
        .step("never").worker("Never").async().timeout(Duration.ofMillis(30)).retry(RetryPolicy.NO_RETRY).build();

    assertEquals(SagaStatus.COMPENSATED, await(brokkr.start(once, Map.of()).outcome()).status());
    assertEquals(1, attempts.get());
    SagaHandle<StepResults> timedOut = brokkr.start(never, Map.of());
    assertEquals(SagaStatus.COMPENSATED, await(timedOut.outcome()).status());
    assertTrue(await(timedOut.outcome()).failure().orElseThrow().reason().contains("timed out"));
  }

  @Test
  default void aTemplateCompensatorIsRetriedPerItsOwnPolicyNotTheNodes() {
    Brokkr brokkr = node();
    AtomicInteger attempts = new AtomicInteger();
    brokkr.registerWorkers(
        Worker.sync("Ship", inv -> "parcel"),
        Worker.sync("Bill", inv -> {
          throw new IllegalStateException("declined");
        }),
        Worker.sync("Recall", inv -> {
          if (attempts.incrementAndGet() < 5) {
            throw new IllegalStateException("the courier is out");
          }
          return null;
        }));
    SagaTemplate shipment = SagaTemplate.named("Shipment")
        .step("ship").worker("Ship").compensateWith("Recall")
            .compensationRetry(new RetryPolicy(5, Duration.ofMillis(1), 2.0, Duration.ofMillis(4)))
        .step("bill").worker("Bill").dependsOn("ship").retry(RetryPolicy.NO_RETRY)
        .build();
    assertTrue(FAST.maxAttempts() < 5, "the node's default alone would give up before the fifth attempt");

    SagaHandle<StepResults> handle = brokkr.start(shipment, Map.of());

    assertEquals(SagaStatus.COMPENSATED, await(handle.outcome()).status());
    assertEquals(5, attempts.get());
    assertEquals(5, brokkr.getSaga(handle.sagaId()).orElseThrow().getStep("ship/compensator").orElseThrow().getAttempt());
  }

  @Test
  default void aRetryThatSetsOnlyTheBackoffTakesTheNodesDefaultAttempts() {
    RetryPolicy five = new RetryPolicy(5, Duration.ofMillis(1), 1.0, Duration.ofMillis(1));
    Brokkr brokkr = node(b -> b.defaultRetryPolicy(five));
    AtomicInteger bills = new AtomicInteger();
    AtomicInteger recalls = new AtomicInteger();
    brokkr.registerWorkers(
        Worker.sync("Ship", inv -> "parcel"),
        Worker.sync("Bill", inv -> {
          bills.incrementAndGet();
          throw new IllegalStateException("declined");
        }),
        Worker.sync("Recall", inv -> {
          if (recalls.incrementAndGet() < 5) {
            throw new IllegalStateException("the courier is out");
          }
          return null;
        }));
    RetrySpec backoffOnly = RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMillis(2));
    SagaTemplate shipment = SagaTemplate.named("Shipment")
        .step("ship").worker("Ship").compensateWith("Recall").compensationRetry(backoffOnly)
        .step("bill").worker("Bill").dependsOn("ship").retry(backoffOnly)
        .build();
    assertTrue(RetryPolicy.DEFAULT.maxAttempts() < 5, "RetryPolicy.DEFAULT alone would give up before the fifth");
    assertEquals(shipment, SagaYaml.read("shipment.yaml", """
        saga: Shipment
        steps:
          ship: { worker: Ship, compensateWith: { worker: Recall, retry: { backoff: 2ms } } }
          bill: { worker: Bill, dependsOn: [ship], retry: { backoff: 2ms } }
        """).orThrow().get(0), "YAML gives the same partial policies");

    SagaHandle<StepResults> handle = brokkr.start(shipment, Map.of());

    assertEquals(SagaStatus.COMPENSATED, await(handle.outcome()).status());
    assertEquals(5, bills.get(), "the step takes the node's 5 attempts");
    assertEquals(5, recalls.get(), "the compensator takes the node's 5 attempts");
  }

  @Test
  default void aTemplateCompensatorTimesOutPerItsOwnTimeout() {
    Brokkr brokkr = node();
    brokkr.registerWorkers(
        Worker.sync("Ship", inv -> "parcel"),
        Worker.sync("Bill", inv -> {
          throw new IllegalStateException("declined");
        }),
        // Settles nothing: without its timeout the saga would stay COMPENSATING for ever.
        Worker.async("SilentRecall", inv -> {}));
    SagaTemplate shipment = SagaTemplate.named("Shipment")
        .step("ship").worker("Ship").compensateWith("SilentRecall")
            .compensationTimeout(Duration.ofMillis(50)).compensationRetry(RetryPolicy.NO_RETRY)
        .step("bill").worker("Bill").dependsOn("ship").retry(RetryPolicy.NO_RETRY)
        .build();

    SagaHandle<StepResults> handle = brokkr.start(shipment, Map.of());

    assertEquals(SagaStatus.FAILED, await(handle.outcome()).status());
    var recall = brokkr.getSaga(handle.sagaId()).orElseThrow().getStep("ship/compensator").orElseThrow();
    assertEquals(StepStatus.FAILED, recall.getStatus());
    assertEquals(1, recall.getAttempt(), "the compensator's own retry policy applies");
    assertTrue(recall.getFailureReason().orElseThrow().contains("timed out"), recall.getFailureReason().get());
  }

  @Test
  default void missingUnknownAndUnencodableInputsAreNamedAndNoSagaIsCreated() {
    Recorder recorder = new Recorder();
    Brokkr brokkr = node(b -> b.listener(recorder));
    Map<String, Object> inputs = new java.util.HashMap<>();
    inputs.put("headType", new Object());
    inputs.put("handelSize", "short");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> brokkr.start(hammer(), inputs));
    for (String mention : List.of("\"headType\"", "not JSON-encodable", "\"handleSize\" is missing", "\"handelSize\" is unknown")) {
      assertTrue(e.getMessage().contains(mention), e.getMessage() + " should mention " + mention);
    }
    assertEquals(List.of(), recorder.all());
    assertEquals(List.of(), store().unfinishedSagas());
  }

  @Test
  default void anInvalidTemplateIsRefusedWithEveryProblem() {
    Brokkr brokkr = node();
    SagaTemplate cyclic = new SagaTemplate("Cyclic", List.of(), List.of(
        new StepTemplate("a", "A", List.of("b"), List.of(), Optional.empty(), RetrySpec.NODE_DEFAULT, Optional.empty(), false),
        new StepTemplate("b", "B", List.of("a"), List.of(), Optional.empty(), RetrySpec.NODE_DEFAULT, Optional.empty(), false)),
        List.of());
    SagaValidationException e = assertThrows(SagaValidationException.class, () -> brokkr.start(cyclic, Collections.emptyMap()));
    assertTrue(e.getMessage().contains("Brokkr/Cycle"), e.getMessage());
    assertEquals("Cyclic", e.sagaName());
  }
}
