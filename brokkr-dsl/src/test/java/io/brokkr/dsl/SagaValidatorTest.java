package io.brokkr.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaValidatorTest {

  private static List<String> problems(SagaTemplateBuilder builder) {
    return problems(builder.template());
  }

  private static List<String> problems(StepTemplateBuilder builder) {
    return problems(builder.template());
  }

  private static List<String> problems(SagaTemplate template) {
    return template.validate().problems().stream().map(Problem::toString).toList();
  }

  @Test
  void theHammerSagaIsValid() {
    SagaTemplate hammer = SagaTemplate.named("Hammer")
        .step("head").worker("HammerHeadFactory").compensateWith("HammerHeadDestroyer")
        .step("handle").worker("HandleFactory")
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .build();
    assertTrue(hammer.validate().isValid());
  }

  @Test
  void emptySaga() {
    assertEquals(List.of("[Brokkr/EmptySaga] saga \"Hammer\" has no steps; add at least one step"),
        problems(SagaTemplate.named("Hammer")));
  }

  @Test
  void duplicateStepIsReportedOnce() {
    assertEquals(
        List.of("[Brokkr/DuplicateStep] step \"head\" is declared more than once; give each step its own name"),
        problems(SagaTemplate.named("Hammer").step("head").step("head").step("head")));
  }

  @Test
  void unknownDependencyWithSuggestion() {
    List<Problem> problems = SagaTemplate.named("Hammer").step("head").step("hammer").dependsOn("hed")
        .template().validate().problems();
    assertEquals(1, problems.size());
    Problem problem = problems.get(0);
    assertEquals("Brokkr/UnknownDependency", problem.id());
    assertEquals(Optional.of("hammer"), problem.step());
    assertEquals(Optional.of("hed"), problem.subject());
    assertEquals("step \"hammer\" depends on unknown step \"hed\"; did you mean \"head\"?", problem.message());
  }

  @Test
  void unknownDependencyWithoutCloseName() {
    assertEquals(List.of("[Brokkr/UnknownDependency] step \"hammer\" depends on unknown step \"anvil\";"
            + " declare that step or remove it from dependsOn"),
        problems(SagaTemplate.named("Hammer").step("head").step("hammer").dependsOn("anvil")));
  }

  @Test
  void selfDependency() {
    assertEquals(
        List.of("[Brokkr/SelfDependency] step \"head\" depends on itself; remove \"head\" from its dependsOn"),
        problems(SagaTemplate.named("Hammer").step("head").dependsOn("head")));
  }

  @Test
  void duplicateDependency() {
    assertEquals(List.of("[Brokkr/DuplicateDependency] step \"hammer\" lists dependency \"head\" more than"
            + " once; list it once"),
        problems(SagaTemplate.named("Hammer").step("head").step("hammer").dependsOn("head", "head")));
  }

  @Test
  void cycleIsReportedFromTheFirstDeclaredStep() {
    // Declared hammer-first would rotate differently; the path always starts at the earliest step.
    var saga = SagaTemplate.named("Hammer")
        .step("handle")
        .step("head").dependsOn("hammer")
        .step("hammer").dependsOn("head", "handle");
    assertEquals(List.of("[Brokkr/Cycle] dependency cycle: head -> hammer -> head (each step depends on"
            + " the next); remove one of these dependencies"),
        problems(saga));
    assertEquals(Optional.of("head"), saga.template().validate().problems().get(0).step());
  }

  @Test
  void everyCycleIsReportedWithItsShortestPath() {
    var saga = SagaTemplate.named("Loops")
        .step("a").dependsOn("c")
        .step("b").dependsOn("a")
        .step("c").dependsOn("b", "a")
        .step("x").dependsOn("y")
        .step("y").dependsOn("x");
    assertEquals(List.of(
            "[Brokkr/Cycle] dependency cycle: a -> c -> a (each step depends on the next);"
                + " remove one of these dependencies",
            "[Brokkr/Cycle] dependency cycle: x -> y -> x (each step depends on the next);"
                + " remove one of these dependencies"),
        problems(saga));
  }

  @Test
  void unknownCompensatedStep() {
    assertEquals(List.of("[Brokkr/UnknownCompensatedStep] compensator \"HeadDestroyer\" of step \"hed\""
            + " compensates a step this saga does not declare; did you mean \"head\"?"),
        problems(SagaTemplate.named("Hammer").step("head")
            .compensate("hed", "HeadDestroyer", List.of(), List.of())));
  }

  @Test
  void duplicateCompensation() {
    assertEquals(List.of("[Brokkr/DuplicateCompensation] step \"head\" has more than one compensator"
            + " (\"A\", \"B\"); keep one"),
        problems(SagaTemplate.named("Hammer").step("head").compensateWith("A").compensateWith("B")));
  }

  @Test
  void unknownAndDuplicateInputs() {
    assertEquals(List.of(
            "[Brokkr/DuplicateInput] input \"size\" is declared more than once; give each input its own name",
            "[Brokkr/UnknownInput] step \"head\" uses unknown input \"headTyp\"; did you mean \"headType\"?"),
        problems(SagaTemplate.named("Hammer").input("headType", "String").input("size", "int")
            .input("size", "int").step("head").inputs("headTyp")));
  }

  @Test
  void invalidNamesAreQuoted() {
    assertEquals(List.of(
            "[Brokkr/InvalidName] invalid saga name \"my saga\": a name starts with a letter or '_' and holds"
                + " only letters, digits, '_', '-' and '.' (at most 128 characters)",
            "[Brokkr/InvalidName] invalid step name \"1st\": a name starts with a letter or '_' and holds"
                + " only letters, digits, '_', '-' and '.' (at most 128 characters)",
            "[Brokkr/InvalidName] invalid worker name \"a{b}\": a name starts with a letter or '_' and holds"
                + " only letters, digits, '_', '-' and '.' (at most 128 characters)"),
        problems(SagaTemplate.named("my saga").step("1st").worker("a{b}")));
  }

  @Test
  void controlCharactersInNamesAreMadeVisible() {
    assertTrue(problems(SagaTemplate.named("Hammer").step("he\nad")).get(0)
        .contains("invalid step name \"he\\u000Aad\""));
  }

  @Test
  void invalidRetryValuesAreQuoted() {
    var saga = SagaTemplate.named("Hammer").step("head")
        .retry(new RetryPolicy(0, Duration.ofMillis(-5), 0.5, Duration.ofMillis(-10)));
    assertEquals(List.of(
            "[Brokkr/InvalidRetry] step \"head\": maxAttempts must be at least 1, was \"0\"",
            "[Brokkr/InvalidRetry] step \"head\": backoff must not be negative, was \"-5ms\"",
            "[Brokkr/InvalidRetry] step \"head\": backoffMultiplier must be a number of at least 1.0, was \"0.5\"",
            "[Brokkr/InvalidRetry] step \"head\": maxBackoff must not be shorter than backoff (-5ms), was \"-10ms\""),
        problems(saga));
    assertEquals(List.of(Optional.of("maxAttempts"), Optional.of("backoff"), Optional.of("backoffMultiplier"),
            Optional.of("maxBackoff")),
        saga.template().validate().problems().stream().map(Problem::subject).toList());
  }

  @Test
  void aPartialRetryIsCheckedValueByValue() {
    assertEquals(List.of(), problems(SagaTemplate.named("Hammer").step("head")
        .retry(RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMinutes(5)))),
        "a backoff above the default cap raises the cap");
    assertEquals(List.of(
            "[Brokkr/InvalidRetry] step \"head\": maxAttempts must be at least 1, was \"0\"",
            "[Brokkr/InvalidRetry] step \"head\": maxBackoff must not be negative, was \"-1ms\""),
        problems(SagaTemplate.named("Hammer").step("head")
            .retry(RetrySpec.NODE_DEFAULT.withMaxAttempts(0).withMaxBackoff(Duration.ofMillis(-1)))));
  }

  @Test
  void notANumberMultiplierIsInvalid() {
    assertEquals(List.of(
            "[Brokkr/InvalidRetry] step \"head\": backoffMultiplier must be a number of at least 1.0, was \"NaN\""),
        problems(SagaTemplate.named("Hammer").step("head")
            .retry(new RetryPolicy(3, Duration.ZERO, Double.NaN, Duration.ZERO))));
  }

  @Test
  void invalidTimeoutIsQuoted() {
    assertEquals(List.of("[Brokkr/InvalidTimeout] step \"head\": timeout must be positive, was \"0ms\""),
        problems(SagaTemplate.named("Hammer").step("head").timeout(Duration.ZERO)));
  }

  @Test
  void aCompensatorsRetryAndTimeoutAreCheckedAsAStepsWithTheCompensatorAsSubject() {
    var saga = SagaTemplate.named("Hammer").step("head").compensateWith("Undo")
        .compensationRetry(new RetryPolicy(0, Duration.ofMillis(-5), 0.5, Duration.ofMillis(-10)))
        .compensationTimeout(Duration.ZERO);
    assertEquals(List.of(
            "[Brokkr/InvalidRetry] compensator \"Undo\" of step \"head\": maxAttempts must be at least 1, was \"0\"",
            "[Brokkr/InvalidRetry] compensator \"Undo\" of step \"head\": backoff must not be negative, was \"-5ms\"",
            "[Brokkr/InvalidRetry] compensator \"Undo\" of step \"head\": backoffMultiplier must be a number of"
                + " at least 1.0, was \"0.5\"",
            "[Brokkr/InvalidRetry] compensator \"Undo\" of step \"head\": maxBackoff must not be shorter than"
                + " backoff (-5ms), was \"-10ms\"",
            "[Brokkr/InvalidTimeout] compensator \"Undo\" of step \"head\": timeout must be positive, was \"0ms\""),
        problems(saga));
    List<Problem> problems = saga.template().validate().problems();
    assertEquals(List.of("compensateWith/maxAttempts", "compensateWith/backoff", "compensateWith/backoffMultiplier",
            "compensateWith/maxBackoff", "compensateWith/timeout"),
        problems.stream().map(p -> p.subject().orElseThrow()).toList());
    assertEquals(List.of(ProblemKind.INVALID_RETRY, ProblemKind.INVALID_RETRY, ProblemKind.INVALID_RETRY,
            ProblemKind.INVALID_RETRY, ProblemKind.INVALID_TIMEOUT),
        problems.stream().map(Problem::kind).toList());
    assertEquals(Optional.of("head"), problems.get(0).step());
  }

  @Test
  void aCompensatorsValidRetryAndTimeoutPass() {
    assertEquals(List.of(), problems(SagaTemplate.named("Hammer").step("head").compensateWith("Undo")
        .compensationRetry(new RetryPolicy(5, Duration.ofMillis(1), 2.0, Duration.ofMillis(8)))
        .compensationTimeout(Duration.ofSeconds(2))));
  }

  @Test
  void everyProblemIsReportedInOneReport() {
    List<String> problems = problems(SagaTemplate.named("Hammer")
        .step("head").dependsOn("hammer")
        .step("head")
        .step("hammer").dependsOn("head", "nail")
        .compensate("anvil", "X", List.of(), List.of()));
    assertEquals(List.of("Brokkr/DuplicateStep", "Brokkr/UnknownDependency", "Brokkr/UnknownCompensatedStep",
            "Brokkr/Cycle"),
        problems.stream().map(p -> p.substring(1, p.indexOf(']'))).toList());
  }

  @Test
  void buildThrowsOneExceptionWithEveryProblem() {
    SagaValidationException e = org.junit.jupiter.api.Assertions.assertThrows(SagaValidationException.class,
        () -> SagaTemplate.named("Hammer").step("head").dependsOn("nail").step("head").build());
    assertEquals("Hammer", e.sagaName());
    assertEquals(2, e.report().problems().size());
    assertEquals("saga \"Hammer\" is invalid (2 problems):\n"
            + "  [Brokkr/DuplicateStep] step \"head\" is declared more than once; give each step its own name\n"
            + "  [Brokkr/UnknownDependency] step \"head\" depends on unknown step \"nail\";"
            + " declare that step or remove it from dependsOn",
        e.getMessage());
  }
}
