package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.brokkr.dsl.SagaTemplate;
import io.brokkr.runtime.spi.SagaSnapshot;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.StepSnapshot;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sagas of one template share the spec of every step that names no input (its args are the same
 * in each): an in-memory store keeps a settled saga for its retention, and what sagas share it does
 * not keep once a saga. A step that names an input has a spec of its own in each saga.
 */
class SharedStepSpecsTest {
  private static final SagaTemplate ORDER = SagaTemplate.named("Order")
      .input("sku", "String")
      .step("pick").worker("Pick").inputs("sku").compensateWith("PutBack", "shelf-1")
      .step("pack").worker("Pack").dependsOn("pick")
      .build();

  private final InMemoryBackend backend = InMemoryBackend.create();
  private final Brokkr node = Brokkr.builder().namespace("shared-specs").build(backend);
  private final SagaStore store = backend.open("shared-specs", Clock.systemUTC());

  @AfterEach
  void close() {
    node.close();
    store.close();
  }

  @Test
  void twoSagasOfATemplateShareTheSpecsOfTheirStepsWithoutInputsAndNotTheOthers() {
    SagaSnapshot first = store.load(node.start(ORDER, Map.of("sku", "A-1")).sagaId()).orElseThrow();
    SagaSnapshot second = store.load(node.start(ORDER, Map.of("sku", "B-2")).sagaId()).orElseThrow();

    StepSpec pack = spec(first, "pack");
    assertSame(pack, spec(second, "pack"));
    assertEquals("[]", pack.argsJson());
    assertEquals(List.of("pick"), pack.dependsOn());

    StepSpec putBack = spec(first, "pick/compensator");
    assertSame(putBack, spec(second, "pick/compensator"));
    assertEquals("[\"shelf-1\"]", putBack.argsJson());
    assertEquals(List.of("pick"), putBack.dependsOn(), "a compensator depends on the step it compensates");

    assertEquals("[\"A-1\"]", spec(first, "pick").argsJson());
    assertEquals("[\"B-2\"]", spec(second, "pick").argsJson());
    assertNotSame(spec(first, "pick"), spec(second, "pick"));
  }

  private static StepSpec spec(SagaSnapshot saga, String stepId) {
    return saga.steps().stream().filter(step -> step.stepId().equals(stepId)).map(StepSnapshot::spec)
        .findFirst().orElseThrow(() -> new AssertionError("no step " + stepId + " in " + saga));
  }
}
