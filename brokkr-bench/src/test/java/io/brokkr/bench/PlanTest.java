package io.brokkr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

  @Test
  void theDefaultPlanCoversEveryScenarioAndSize() {
    List<Case> cases = Plan.of(BenchOptions.defaults());
    assertEquals(List.of("hammer-throughput", "hammer-latency", "chain of 10", "fanout K=10", "fanout K=100",
        "fanout K=1000", "scaling chain S=100", "scaling chain S=1000", "scaling chain S=10000",
        "scaling fanout S=100", "scaling fanout S=1000", "scaling fanout S=10000"),
        cases.stream().map(Case::label).toList());
  }

  @Test
  void sizesSagasAndProbesFollowTheOptions() {
    List<Case> cases = Plan.of(BenchOptions.parse("--scenarios", "hammer-throughput,fanout,scaling", "--fanout", "10,1000",
        "--scaling", "100", "--probe-sagas", "20"));
    Case throughput = cases.get(0);
    assertEquals(2000, throughput.sagas());
    assertEquals(0, throughput.probeSagas());
    Case narrow = cases.get(1);
    assertEquals(200, narrow.sagas());
    assertEquals(20, narrow.probeSagas());
    Case wide = cases.get(2);
    assertEquals(100, wide.sagas(), "at least 100 sagas a run, however wide: a p99 of fewer is the slowest saga");
    assertEquals(1, wide.probeSagas());
    assertEquals(1002, wide.stepsPerSaga());
    Case scalingFanout = cases.get(4);
    assertEquals(100, scalingFanout.stepsPerSaga());
    assertEquals(1, scalingFanout.sagas());
  }
}
