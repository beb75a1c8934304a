package io.brokkr.dsl.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.Messages;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SagaYamlTest {

  private static final String HAMMER = """
      saga: Hammer
      inputs: { headType: String, handleSize: int }
      steps:
        head:   { worker: HammerHeadFactory, inputs: [headType], compensateWith: HammerHeadDestroyer }
        handle: { worker: HandleFactory, inputs: [handleSize] }
        hammer: { worker: HammerFactory, dependsOn: [head, handle] }
      """;

  private static List<String> problems(String yaml) {
    return SagaYaml.read("hammer.yaml", yaml).problems().stream().map(YamlProblem::toString).toList();
  }

  @Test
  void readsTheHammerSagaAsTheDslBuildsIt() {
    SagaTemplate expected = SagaTemplate.named("Hammer")
        .input("headType", "String").input("handleSize", "int")
        .step("head").worker("HammerHeadFactory").inputs("headType").compensateWith("HammerHeadDestroyer")
        .step("handle").worker("HandleFactory").inputs("handleSize")
        .step("hammer").worker("HammerFactory").dependsOn("head", "handle")
        .build();
    YamlSagas read = SagaYaml.read("hammer.yaml", HAMMER);
    assertEquals(List.of(), read.problems());
    assertEquals(List.of(expected), read.orThrow());
  }

  @Test
  void readsEveryAttributeOfAStep() {
    SagaTemplate saga = SagaYaml.read("full.yaml", """
        saga: Full
        inputs: [a, b]
        steps:
          first:
          second:
            worker: W
            dependsOn: first
            inputs: [b, a]
            output: java.util.List<com.acme.Part>
            compensateWith: { worker: Undo, args: [1, "two", [3], {four: 4.5}, true], inputs: [a] }
            retry: { maxAttempts: 7, backoff: 1s, backoffMultiplier: 1.5, maxBackoff: 1m }
            timeout: PT30S
            async: true
        """).orThrow().get(0);
    assertEquals(List.of(new SagaInput("a", SagaInput.ANY_TYPE), new SagaInput("b", SagaInput.ANY_TYPE)),
        saga.inputs());
    assertEquals("Full.first", saga.step("first").orElseThrow().worker());
    var second = saga.step("second").orElseThrow();
    assertEquals("W", second.worker());
    assertEquals(List.of("first"), second.dependsOn());
    assertEquals(List.of("b", "a"), second.inputs());
    assertEquals(Optional.of("java.util.List<com.acme.Part>"), second.outputType());
    assertEquals(RetrySpec.of(new RetryPolicy(7, Duration.ofSeconds(1), 1.5, Duration.ofMinutes(1))),
        second.retry());
    assertEquals(Optional.of(Duration.ofSeconds(30)), second.timeout());
    assertTrue(second.async());
    assertEquals(Optional.of(new Compensation("second", "Undo",
            List.of(1, "two", List.of(3), Map.of("four", 4.5), true), List.of("a"))),
        saga.compensationOf("second"));
  }

  @Test
  void readsACompensatorsRetryAndTimeout() {
    SagaTemplate saga = SagaYaml.read("c.yaml", """
        saga: C
        steps:
          head:
            compensateWith:
              worker: Undo
              retry: { maxAttempts: 5, backoff: 10ms }
              timeout: 2s
        """).orThrow().get(0);
    assertEquals(Optional.of(new Compensation("head", "Undo", List.of(), List.of(),
            RetrySpec.NODE_DEFAULT.withMaxAttempts(5).withBackoff(Duration.ofMillis(10)),
            Optional.of(Duration.ofSeconds(2)))),
        saga.compensationOf("head"));
    assertEquals(RetrySpec.NODE_DEFAULT, saga.step("head").orElseThrow().retry());
  }

  @Test
  void partialRetryLeavesTheRestToTheNode() {
    SagaTemplate saga = SagaYaml.read("r.yaml", "saga: R\nsteps:\n  s: { retry: { maxAttempts: 9 } }\n")
        .orThrow().get(0);
    assertEquals(RetrySpec.NODE_DEFAULT.withMaxAttempts(9), saga.step("s").orElseThrow().retry());
  }

  @Test
  void readsSeveralSagasFromOneFile() {
    YamlSagas read = SagaYaml.read("two.yaml", HAMMER + "---\nsaga: Nail\nsteps:\n  forge: { worker: Smith }\n");
    assertEquals(List.of("Hammer", "Nail"), read.orThrow().stream().map(SagaTemplate::name).toList());
  }

  @Test
  void roundTripGivesEqualTemplates() {
    String yaml = HAMMER + """
        ---
        saga: Full
        inputs: { a: "java.util.Map<String, Integer>", b: long }
        steps:
          first: { worker: "true", retry: { maxAttempts: 2, backoff: 250ms, backoffMultiplier: 3.0, maxBackoff: 2h } }
          second:
            dependsOn: [first]
            inputs: [b]
            output: com.acme.Part
            compensateWith: { worker: Undo, args: ["true", 7, [x], {k: v}], inputs: [a] }
            timeout: 45s
            async: true
          third:
            compensateWith:
              worker: Unthird
              retry: { maxAttempts: 5, backoff: 1ms, backoffMultiplier: 1.5, maxBackoff: 1s }
              timeout: 90s
          fourth: { compensateWith: { worker: Unfourth, timeout: 250ms } }
          fifth: { retry: { backoff: 10ms }, compensateWith: { worker: Unfifth, retry: { maxBackoff: 1s } } }
        """;
    List<SagaTemplate> sagas = SagaYaml.read("a.yaml", yaml).orThrow();
    String written = SagaYaml.write(sagas);
    assertEquals(sagas, SagaYaml.read("b.yaml", written).orThrow());
    assertEquals(Optional.of(Duration.ofSeconds(90)), sagas.get(1).compensationOf("third").orElseThrow().timeout());
    assertEquals(5, sagas.get(1).compensationOf("third").orElseThrow().retry().maxAttempts().orElseThrow());
    assertEquals(RetrySpec.NODE_DEFAULT.withBackoff(Duration.ofMillis(10)),
        sagas.get(1).step("fifth").orElseThrow().retry(), "a partial policy stays partial");
    assertEquals(written, SagaYaml.write(SagaYaml.read("c.yaml", written).orThrow()));
  }

  @Test
  void roundTripOfDslTemplatesGivesEqualTemplates() {
    // Compensators declared out of step order, and args of every Java number type.
    SagaTemplate built = SagaTemplate.named("Forge")
        .input("size", "long")
        .step("smelt").worker("Smelter")
        .step("cast").worker("Caster").dependsOn("smelt").inputs("size")
            .retry(new RetryPolicy(4, Duration.ofMillis(1500), 1.5, Duration.ofMinutes(3)))
        .compensate("cast", "Uncast", List.of(5L, 2.5f, (short) 3, List.of(7L), Map.of("k", 1L)), List.of("size"))
        .compensate("smelt", "Unsmelt", List.of(java.math.BigInteger.TEN.pow(30), Long.MAX_VALUE), List.of())
        .compensationRetry("smelt", new RetryPolicy(6, Duration.ofMillis(20), 2.0, Duration.ofSeconds(1)))
        .compensationTimeout("cast", Duration.ofMinutes(2))
        .build();
    assertEquals(List.of(built), SagaYaml.read("forge.yaml", SagaYaml.write(built)).orThrow());
    assertEquals(List.of("smelt", "cast"), built.compensations().stream().map(Compensation::step).toList());
  }

  @Test
  void namesAreReadAsWrittenNotAsYamlTypesThem() {
    SagaTemplate saga = SagaYaml.read("t.yaml", """
        saga: Switch
        inputs: { on: 1e3 }
        steps:
          on: {}
          yes: {}
          "off": { dependsOn: [on, yes], inputs: [on] }
        """).orThrow().get(0);
    assertEquals(List.of("on", "yes"), saga.step("off").orElseThrow().dependsOn());
    assertEquals(List.of(new SagaInput("on", "1e3")), saga.inputs());
  }

  @Test
  void maxAttemptsThatIsNotAWholeIntIsQuotedNotTruncated() {
    assertEquals(List.of(
            "hammer.yaml:3:30: [Brokkr/InvalidRetry] step \"a\": maxAttempts must be a whole number of at most"
                + " 2147483647, was \"99999999999\"",
            "hammer.yaml:4:30: [Brokkr/InvalidRetry] step \"b\": maxAttempts must be a whole number of at most"
                + " 2147483647, was \"2.7\""),
        problems("saga: Hammer\nsteps:\n  a: { retry: { maxAttempts: 99999999999 } }\n"
            + "  b: { retry: { maxAttempts: 2.7 } }\n"));
  }

  @Test
  void writesTheHammerReadably() {
    assertEquals("""
        saga: Hammer
        inputs:
          headType: String
          handleSize: int
        steps:
          head:
            worker: HammerHeadFactory
            inputs:
              - headType
            compensateWith: HammerHeadDestroyer
          handle:
            worker: HandleFactory
            inputs:
              - handleSize
          hammer:
            worker: HammerFactory
            dependsOn:
              - head
              - handle
        """, SagaYaml.write(SagaYaml.read("h.yaml", HAMMER).orThrow()));
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() {
    List<String> problems = problems("saga: Hammer\nsteps:\n  head: { worker: [unclosed }\n");
    assertEquals(List.of("hammer.yaml:3:28: [Brokkr/YamlSyntax] malformed YAML: while parsing a flow sequence;"
        + " expected ',' or ']', but got }"), problems);
  }

  @Test
  void unknownKeyIsRejectedWithTheKnownKeys() {
    assertEquals(List.of("hammer.yaml:3:24: [Brokkr/YamlStructure] unknown key \"dependson\" in step \"hammer\";"
            + " did you mean \"dependsOn\"? known keys: worker, dependsOn, inputs, output, compensateWith, retry,"
            + " timeout, async"),
        problems("saga: Hammer\nsteps:\n  hammer: { worker: H, dependson: [] }\n"));
  }

  @Test
  void unknownKeyOfACompensatorListsItsKnownKeys() {
    assertEquals(List.of("hammer.yaml:3:40: [Brokkr/YamlStructure] unknown key \"timout\" in the compensator of"
            + " step \"head\"; did you mean \"timeout\"? known keys: worker, args, inputs, retry, timeout"),
        problems("saga: Hammer\nsteps:\n  head: { compensateWith: { worker: U, timout: 1s } }\n"));
  }

  @Test
  void wrongShapesAndMissingKeysAreLocated() {
    assertEquals(List.of(
            "hammer.yaml:1:1: [Brokkr/YamlStructure] a saga document needs the key \"saga\" with the saga's name,"
                + " e.g. \"saga: Hammer\""),
        problems("steps: {}\n"));
    assertEquals(List.of(
            "hammer.yaml:2:8: [Brokkr/YamlStructure] the steps of saga \"Hammer\" must be a mapping, was a list"),
        problems("saga: Hammer\nsteps: [head]\n"));
    assertEquals(List.of(
            "hammer.yaml:3:15: [Brokkr/YamlStructure] async must be true or false, was \"yes please\"",
            "hammer.yaml:4:30: [Brokkr/YamlStructure] maxAttempts must be a number, was \"many\""),
        problems("saga: Hammer\nsteps:\n  a: { async: yes please }\n  b: { retry: { maxAttempts: many } }\n"));
    assertEquals(List.of("hammer.yaml:1:1: [Brokkr/YamlStructure] the file holds no saga;"
        + " start it with \"saga: <Name>\" and its steps"), problems(""));
  }

  @Test
  void repeatedKeysAreReported() {
    assertEquals(List.of(
            "hammer.yaml:3:22: [Brokkr/YamlStructure] key \"worker\" is repeated in step \"head\"; keep one",
            "hammer.yaml:4:3: [Brokkr/DuplicateStep] step \"head\" is declared more than once;"
                + " give each step its own name"),
        problems("saga: Hammer\nsteps:\n  head: { worker: A, worker: B }\n  head: {}\n"));
  }

  @Test
  void validatorProblemsPointAtTheNodeAtFault() {
    String yaml = """
        saga: Hammer
        inputs: { headType: String }
        steps:
          head:   { worker: HammerHeadFactory, inputs: [headTyp], dependsOn: [hammer] }
          handle: { worker: "Handle Factory", timeout: 0s, retry: { maxAttempts: 0 } }
          hammer: { worker: HammerFactory, dependsOn: [head, handel] }
        """;
    assertEquals(List.of(
            "hammer.yaml:4:3: [Brokkr/Cycle] dependency cycle: head -> hammer -> head (each step depends on"
                + " the next); remove one of these dependencies",
            "hammer.yaml:4:49: [Brokkr/UnknownInput] step \"head\" uses unknown input \"headTyp\";"
                + " did you mean \"headType\"?",
            "hammer.yaml:5:21: [Brokkr/InvalidName] invalid worker name \"Handle Factory\": a name starts with a"
                + " letter or '_' and holds only letters, digits, '_', '-' and '.' (at most 128 characters)",
            "hammer.yaml:5:48: [Brokkr/InvalidTimeout] step \"handle\": timeout must be positive, was \"0ms\"",
            "hammer.yaml:5:74: [Brokkr/InvalidRetry] step \"handle\": maxAttempts must be at least 1, was \"0\"",
            "hammer.yaml:6:54: [Brokkr/UnknownDependency] step \"hammer\" depends on unknown step \"handel\";"
                + " did you mean \"handle\"?"),
        problems(yaml));
  }

  @Test
  void aCompensatorsPolicyProblemsPointAtItsValues() {
    String yaml = """
        saga: Hammer
        steps:
          head:
            compensateWith:
              worker: Undo
              retry: { maxAttempts: 0, backoffMultiplier: 0.5 }
              timeout: 0s
          handle: { compensateWith: { worker: Unhandle, timeout: soon, retry: { backoff: a while, maxAttempts: 1.5 } } }
        """;
    assertEquals(List.of(
            "hammer.yaml:6:29: [Brokkr/InvalidRetry] compensator \"Undo\" of step \"head\": maxAttempts must be"
                + " at least 1, was \"0\"",
            "hammer.yaml:6:51: [Brokkr/InvalidRetry] compensator \"Undo\" of step \"head\": backoffMultiplier must"
                + " be a number of at least 1.0, was \"0.5\"",
            "hammer.yaml:7:16: [Brokkr/InvalidTimeout] compensator \"Undo\" of step \"head\": timeout must be"
                + " positive, was \"0ms\"",
            "hammer.yaml:8:58: [Brokkr/InvalidTimeout] compensator \"Unhandle\" of step \"handle\": timeout must be"
                + " a duration such as 30s, 2m or PT30S, was \"soon\"",
            "hammer.yaml:8:82: [Brokkr/InvalidRetry] compensator \"Unhandle\" of step \"handle\": backoff must be"
                + " a duration such as 100ms, 10s or PT10S, was \"a while\"",
            "hammer.yaml:8:104: [Brokkr/InvalidRetry] compensator \"Unhandle\" of step \"handle\": maxAttempts must"
                + " be a whole number of at most 2147483647, was \"1.5\""),
        problems(yaml));
  }

  @Test
  void unreadableDurationsAreQuoted() {
    assertEquals(List.of(
            "hammer.yaml:3:17: [Brokkr/InvalidTimeout] step \"a\": timeout must be a duration such as 30s, 2m"
                + " or PT30S, was \"soon\"",
            "hammer.yaml:4:26: [Brokkr/InvalidRetry] step \"b\": backoff must be a duration such as 100ms, 10s"
                + " or PT10S, was \"a while\""),
        problems("saga: Hammer\nsteps:\n  a: { timeout: soon }\n  b: { retry: { backoff: a while } }\n"));
  }

  @Test
  void readsFilesAndThrowsWithEveryProblem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "saga: Bad\nsteps:\n  a: { dependsOn: [b] }\n  b: { dependsOn: [a] }\n");
    YamlSagas read = SagaYaml.read(file);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read::orThrow);
    assertEquals("invalid saga YAML:\n" + file + ":3:3: [Brokkr/Cycle] dependency cycle: a -> b -> a"
        + " (each step depends on the next); remove one of these dependencies", e.getMessage());
  }

  @Test
  void locatesProblemsFoundOutsideTheReader() {
    String yaml = HAMMER + "---\nsaga: Nail\nsteps:\n  forge: { worker: Smith }\n";
    assertEquals("hammer.yaml:6:48", SagaYaml.locate("hammer.yaml", yaml, "Hammer",
        Messages.changedDependency("Hammer", "hammer", List.of(), List.of("head"))).location().toString());
    assertEquals("hammer.yaml:1:7", SagaYaml.locate("hammer.yaml", yaml, "Hammer",
        Messages.removedStep("Hammer", "anvil")).location().toString());
    assertEquals("hammer.yaml:8:7", SagaYaml.locate("hammer.yaml", yaml, "Nail",
        Messages.duplicateSaga("Nail", "a.yaml")).location().toString());
    assertEquals("hammer.yaml:1:1", SagaYaml.locate("hammer.yaml", yaml, "Anvil",
        Messages.removedSaga("Anvil")).location().toString());
  }

  @Test
  void placesAnUnknownTypeAtTheTypeAsWritten() {
    String yaml = """
        saga: Order
        inputs:
          orderId: com.acme.OrderIdd
          amount: long
        steps:
          charge: { output: java.util.List<com.acme.Recipt> }
          ship:   {}
        """;
    YamlProblem output = SagaYaml.locate("order.yaml", yaml, "Order",
        Messages.unknownOutputType("charge", "java.util.List<com.acme.Recipt>", "com.acme.Recipt",
            Optional.of("com.acme.Receipt")));
    assertEquals("order.yaml:6:21: [Brokkr/UnknownType] step \"charge\": output type"
        + " \"java.util.List<com.acme.Recipt>\" names com.acme.Recipt, which is not a class on the compile"
        + " classpath or in the project's sources; did you mean \"com.acme.Receipt\"?", output.toString());
    YamlProblem input = SagaYaml.locate("order.yaml", yaml, "Order",
        Messages.unknownInputType("orderId", "com.acme.OrderIdd", "com.acme.OrderIdd", Optional.empty()));
    assertEquals("order.yaml:3:12: [Brokkr/UnknownType] input \"orderId\": type \"com.acme.OrderIdd\" is not a"
        + " class on the compile classpath or in the project's sources; check its spelling, or add the dependency"
        + " that holds it", input.toString());
  }
}
