package io.brokkr.samples.hammer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HammerSampleTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private void assertPrinted(String line) {
    assertTrue(output().contains(line), "missing \"" + line + "\" in:\n" + output());
  }

  @ParameterizedTest(name = "dynamic={0}")
  @ValueSource(booleans = {false, true})
  void theHammerIsMadeFromTheHeadAndTheHandle(boolean dynamic) {
    SagaOutcome outcome = HammerSample.run(false, dynamic, out);

    assertEquals(SagaStatus.FINISHED, outcome.status());
    HammerWorkers.Hammer expected = new HammerWorkers.Hammer("head-ThunderBestowed", "handle-short");
    assertEquals(3, outcome.results().stepIds().size());
    assertTrue(outcome.results().stepIds().stream()
        .anyMatch(id -> expected.equals(outcome.results().get(id, HammerWorkers.Hammer.class))), outcome.toString());
    assertPrinted("level 0 (in parallel):");
    assertPrinted("HammerFactory: joining head-ThunderBestowed and handle-short");
    assertPrinted("saga: RUNNING -> FINISHED");
    assertTrue(!output().contains("HammerHeadDestroyer:"), output());
  }

  @ParameterizedTest(name = "dynamic={0}")
  @ValueSource(booleans = {false, true})
  void whenTheHammerFailsTheHeadIsDestroyed(boolean dynamic) {
    SagaOutcome outcome = HammerSample.run(true, dynamic, out);

    assertEquals(SagaStatus.COMPENSATED, outcome.status());
    assertTrue(outcome.failure().orElseThrow().reason().contains("the anvil cracked"));
    assertPrinted("HammerFactory: attempt 3 to join head-ThunderBestowed and handle-short fails");
    assertPrinted("HammerHeadDestroyer: destroying head-ThunderBestowed");
    assertPrinted("saga: COMPENSATING -> COMPENSATED");
    assertPrinted(": FINISHED -> COMPENSATING");
  }
}
