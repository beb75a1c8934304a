package io.brokkr.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaTemplateTest {

  @Test
  void builderProducesTheModel() {
    RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(200), 3.0, Duration.ofSeconds(5));
    SagaTemplate hammer = SagaTemplate.named("Hammer")
        .input("headType", "String")
        .step("head").worker("HammerHeadFactory").inputs("headType").output("com.acme.HeadId")
            .compensateWith("HammerHeadDestroyer", "anExampleArg")
        .step("handle").retry(retry).timeout(Duration.ofSeconds(30)).async()
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .build();
    assertEquals(List.of(new SagaInput("headType", "String")), hammer.inputs());
    assertEquals(new StepTemplate("head", "HammerHeadFactory", List.of(), List.of("headType"),
            Optional.of("com.acme.HeadId"), RetrySpec.NODE_DEFAULT, Optional.empty(), false),
        hammer.step("head").orElseThrow());
    assertEquals(new StepTemplate("handle", "Hammer.handle", List.of(), List.of(), Optional.empty(),
            RetrySpec.of(retry), Optional.of(Duration.ofSeconds(30)), true),
        hammer.step("handle").orElseThrow());
    assertEquals(List.of("head", "handle"), hammer.step("hammer").orElseThrow().dependsOn());
    assertEquals(Optional.of(new Compensation("head", "HammerHeadDestroyer", List.of("anExampleArg"), List.of())),
        hammer.compensationOf("head"));
    assertEquals(Optional.empty(), hammer.compensationOf("hammer"));
  }

  @Test
  void aCompensatorGetsItsOwnRetryAndTimeoutFromTheStepOrTheSaga() {
    RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(200), 3.0, Duration.ofSeconds(5));
    SagaTemplate hammer = SagaTemplate.named("Hammer")
        .input("size", "int")
        .step("head").compensateWith("Undo", 1).compensationRetry(retry).compensationTimeout(Duration.ofSeconds(9))
        .step("handle")
        .compensate("handle", "Unhandle", List.of(), List.of("size"))
        .compensationTimeout("handle", Duration.ofMillis(300))
        .build();
    assertEquals(Optional.of(new Compensation("head", "Undo", List.of(1), List.of(), RetrySpec.of(retry),
            Optional.of(Duration.ofSeconds(9)))),
        hammer.compensationOf("head"));
    assertEquals(Optional.of(new Compensation("handle", "Unhandle", List.of(), List.of("size"), RetrySpec.NODE_DEFAULT,
            Optional.of(Duration.ofMillis(300)))),
        hammer.compensationOf("handle"));
    assertEquals(RetrySpec.NODE_DEFAULT, hammer.step("head").orElseThrow().retry(), "the step keeps its own policy");
  }

  @Test
  void aCompensatorsRetryOrTimeoutNeedsTheCompensatorFirst() {
    StepTemplateBuilder step = SagaTemplate.named("Hammer").step("head");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> step.compensationRetry(RetryPolicy.NO_RETRY));
    assertEquals("step \"head\" has no compensator yet; declare it with compensate or compensateWith first",
        e.getMessage());
    assertThrows(IllegalStateException.class,
        () -> step.compensate("anvil", "Undo", List.of(), List.of()).compensationTimeout("head", Duration.ofSeconds(1)));
    step.compensateWith("Undo");
    NullPointerException n = assertThrows(NullPointerException.class, () -> step.compensationTimeout(null));
    assertEquals("compensation timeout", n.getMessage());
  }

  @Test
  void levelsGroupParallelStepsInDeclarationOrder() {
    SagaTemplate saga = SagaTemplate.named("Diamond")
        .step("d").dependsOn("b", "c")
        .step("c").dependsOn("a")
        .step("b").dependsOn("a")
        .step("a")
        .build();
    assertEquals(List.of(List.of("a"), List.of("c", "b"), List.of("d")),
        saga.levels().stream().map(level -> level.stream().map(StepTemplate::name).toList()).toList());
    assertEquals(List.of("a", "c", "b", "d"), saga.topologicalOrder().stream().map(StepTemplate::name).toList());
  }

  @Test
  void levelsRefuseAnInvalidTemplate() {
    SagaTemplate invalid = SagaTemplate.named("Loop").step("a").dependsOn("b").step("b").dependsOn("a").template();
    SagaValidationException e = assertThrows(SagaValidationException.class, invalid::levels);
    assertEquals("Brokkr/Cycle", e.report().problems().get(0).id());
  }

  @Test
  void nullArgumentsAreRefusedWhenGiven() {
    StepTemplateBuilder step = SagaTemplate.named("Hammer").step("head");
    NullPointerException e = assertThrows(NullPointerException.class, () -> step.dependsOn("a", null));
    assertEquals("dependency is null", e.getMessage());
    assertThrows(NullPointerException.class, () -> step.worker(null));
  }

  @Test
  void modelListsAreImmutableCopies() {
    java.util.ArrayList<String> deps = new java.util.ArrayList<>(List.of("a"));
    StepTemplate step = new StepTemplate("b", "w", deps, List.of(), Optional.empty(), RetrySpec.NODE_DEFAULT,
        Optional.empty(), false);
    deps.add("c");
    assertEquals(List.of("a"), step.dependsOn());
    assertThrows(UnsupportedOperationException.class, () -> step.dependsOn().add("x"));
  }

  @Test
  void retryBackoffGrowsToItsBound() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    assertEquals(Duration.ofMillis(100), policy.backoffBefore(2));
    assertEquals(Duration.ofMillis(200), policy.backoffBefore(3));
    assertEquals(Duration.ofMillis(6400), policy.backoffBefore(8));
    assertEquals(Duration.ofSeconds(10), policy.backoffBefore(9));
    assertEquals(Duration.ofSeconds(10), policy.backoffBefore(1000));
    assertThrows(IllegalArgumentException.class, () -> policy.backoffBefore(1));
  }
}
