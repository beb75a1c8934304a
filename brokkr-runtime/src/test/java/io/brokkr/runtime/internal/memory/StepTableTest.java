package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.spi.StepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A saga's steps: kept in the order added and found by id, below and past the size where a map is kept beside them. */
class StepTableTest {

  @Test
  void stepsAreFoundByIdAndListedInTheOrderAddedAtEverySize() {
    StepTable table = new StepTable();
    List<MemoryStep> added = new ArrayList<>();
    for (int i = 0; i < 3 * StepTable.SCANNED; i++) {
      MemoryStep step = new MemoryStep("saga", new StepSpec("step-" + i, "worker", List.of(), "[]", RetryPolicy.NO_RETRY,
          Optional.empty()), null);
      table.add(step);
      added.add(step);

      assertEquals(added, table);
      for (MemoryStep each : added) {
        // Another String of the same id: found by equality, not by identity.
        assertSame(each, table.find(new String(each.id().toCharArray())));
      }
      assertNull(table.find("step-" + (i + 1)));
    }
  }
}
