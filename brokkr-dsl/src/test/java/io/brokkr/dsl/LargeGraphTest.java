package io.brokkr.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 100,000-step graphs validate and sort without overflowing the stack. */
class LargeGraphTest {
  private static final int SIZE = 100_000;

  @Test
  void chainOfOneHundredThousandSteps() {
    var saga = SagaTemplate.named("Chain").step("s0");
    for (int i = 1; i < SIZE; i++) {
      saga.step("s" + i).dependsOn("s" + (i - 1));
    }
    SagaTemplate template = saga.build();
    List<List<StepTemplate>> levels = template.levels();
    assertEquals(SIZE, levels.size());
    assertEquals("s99999", levels.get(SIZE - 1).get(0).name());
  }

  @Test
  void chainClosedIntoACycleReportsTheWholePath() {
    var saga = SagaTemplate.named("Ring").step("s0").dependsOn("s" + (SIZE - 1));
    for (int i = 1; i < SIZE; i++) {
      saga.step("s" + i).dependsOn("s" + (i - 1));
    }
    List<Problem> problems = saga.template().validate().problems();
    assertEquals(1, problems.size());
    String message = problems.get(0).message();
    assertTrue(message.startsWith("dependency cycle: s0 -> s99999 -> s99998 -> "), message);
    assertTrue(message.contains(" -> s1 -> s0 (each step depends on the next)"), message);
  }

  @Test
  void fanOutOfOneHundredThousandStepsJoinedByOne() {
    var saga = SagaTemplate.named("FanOut").step("root");
    String[] leaves = new String[SIZE];
    for (int i = 0; i < SIZE; i++) {
      leaves[i] = "leaf" + i;
      saga.step(leaves[i]).dependsOn("root");
    }
    saga.step("join").dependsOn(leaves);
    List<List<StepTemplate>> levels = saga.build().levels();
    assertEquals(3, levels.size());
    assertEquals(SIZE, levels.get(1).size());
    assertEquals("leaf0", levels.get(1).get(0).name());
    assertEquals("join", levels.get(2).get(0).name());
  }
}
