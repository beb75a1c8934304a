package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.SagaTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Inputs are checked against the template's declared types at start; null arguments are named. */
class StartInputsTest {
  /** A record input type, written in the template as its canonical (nested) name. */
  record Part(String sku, int count) {}

  private static final SagaTemplate ORDER = SagaTemplate.named("Order")
      .input("quantity", "int")
      .input("customer", "String")
      .input("parts", "java.util.List<io.brokkr.runtime.StartInputsTest.Part>")
      .input("note", "com.acme.NotOnThisClasspath")
      .step("reserve").worker("Reserve").inputs("quantity", "customer", "parts", "note")
      .build();

  private final Brokkr brokkr = Brokkr.inMemory();

  @AfterEach
  void close() {
    brokkr.close();
  }

  private static Map<String, Object> inputs(Object quantity, Object customer, Object parts) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("quantity", quantity);
    inputs.put("customer", customer);
    inputs.put("parts", parts);
    inputs.put("note", "anything: its type does not resolve here");
    return inputs;
  }

  private static void refused(Executable call, String... mentions) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String mention : mentions) {
      assertTrue(e.getMessage().contains(mention), "\"" + e.getMessage() + "\" should mention " + mention);
    }
  }

  @Test
  void aCompensatorArgThatCannotBeEncodedRefusesEveryStartOfItsTemplate() {
    SagaTemplate template = SagaTemplate.named("Refund")
        .step("charge").worker("Charge").compensateWith("Refund", new Object())
        .build();
    // The template's plan is kept only once it could be made: the second start is refused as the first.
    for (int start = 1; start <= 2; start++) {
      refused(() -> brokkr.start(template, Map.of()),
          "saga \"Refund\": arg 0 of the compensator of step \"charge\" is not JSON-encodable (a java.lang.Object)");
    }
  }

  @Test
  void inputsOfTheDeclaredTypesStartTheSaga() throws Exception {
    brokkr.registerWorker(Worker.sync("Reserve", inv ->
        inv.arg(0, Integer.class) + " " + inv.arg(1, String.class) + " " + inv.arg(2, Part[].class)[0].sku()));
    // A Long for an int and a map for a record read as the declared types, as the step reads them.
    StepResults results = brokkr.start(ORDER, inputs(2L, "Ada", List.of(Map.of("sku", "h-1", "count", 1))))
        .result().get(20, TimeUnit.SECONDS);
    assertEquals("2 Ada h-1", results.get("reserve", String.class));
    brokkr.start(ORDER, inputs(2, "Ada", List.of(new Part("h-2", 3)))).result().get(20, TimeUnit.SECONDS);
  }

  @Test
  void anInputOfTheWrongTypeIsRefusedNamingSagaInputTypeAndValue() {
    refused(() -> brokkr.start(ORDER, inputs("two", "Ada", List.of())),
        "saga \"Order\"", "input \"quantity\"", "int", "\"two\"", "java.lang.String");
    refused(() -> brokkr.start(ORDER, inputs(2, "Ada", List.of("h-1"))),
        "input \"parts\"", "java.util.List<io.brokkr.runtime.StartInputsTest.Part>", "[h-1]");
    // Every problem in one message.
    refused(() -> brokkr.start(ORDER, inputs("two", "Ada", "h-1")), "input \"quantity\"", "input \"parts\"");
  }

  @Test
  void aNullInputIsRefusedNamingIt() {
    refused(() -> brokkr.start(ORDER, inputs(2, null, List.of())), "saga \"Order\"", "input \"customer\"",
        "is null", "String");
  }

  @Test
  void nullArgumentsOfTheApiAreNamed() {
    assertEquals("template", assertThrows(NullPointerException.class, () -> brokkr.start(null, Map.of())).getMessage());
    assertEquals("inputs", assertThrows(NullPointerException.class, () -> brokkr.start(ORDER, null)).getMessage());
    Saga saga = brokkr.createSaga();
    assertEquals("args", assertThrows(NullPointerException.class, () -> saga.addStep("A", null)).getMessage());
    assertEquals("workerName", assertThrows(NullPointerException.class, () -> saga.addStep(null, List.of())).getMessage());
    assertEquals("dependsOnStepIds",
        assertThrows(NullPointerException.class, () -> saga.addStep("A", List.of(), null)).getMessage());
    SagaStep step = saga.addStep("A", List.of());
    assertEquals("args", assertThrows(NullPointerException.class, () -> step.compensateWith("Undo", null)).getMessage());
    saga.start();
    assertEquals("result", assertThrows(NullPointerException.class,
        () -> saga.stepFinished(step.getId(), null)).getMessage());
    assertEquals("stepId", assertThrows(NullPointerException.class, () -> saga.stepFinished(null)).getMessage());
    assertEquals("sagaId", assertThrows(NullPointerException.class, () -> brokkr.getSaga(null)).getMessage());
  }
}
