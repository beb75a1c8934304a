package io.brokkr.runtime.internal.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.Lease;
import io.brokkr.runtime.spi.StepSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A step state is read as it streams by: what Lua's cjson writes, in any order, with fields this build does not know. */
class SnapshotsTest {
  private final Snapshots snapshots = new Snapshots();

  @Test
  void aRunningStepWithItsLeaseDeadlineAndDependencies() {
    StepSnapshot step = snapshots.step("s1", "{\"q\":\"x\",\"u\":1700000000500,\"st\":\"RUNNING\",\"id\":\"b\",\"w\":\"W\","
        + "\"r\":[3,100,\"1.5\",1000],\"d\":[\"a\",\"c\"],\"dn\":{\"z\":[1]},\"a\":2,\"t\":9,\"o\":\"node\","
        + "\"to\":2000,\"dl\":1700000002000,\"pd\":true}", "[1]", Optional.of("{}"));
    assertEquals("b", step.stepId());
    assertEquals(List.of("a", "c"), step.spec().dependsOn());
    assertEquals(1.5, step.spec().retry().multiplier());
    assertEquals(Duration.ofMillis(100), step.spec().retry().initialBackoff());
    assertEquals(Optional.of(Duration.ofMillis(2000)), step.spec().timeout());
    assertEquals(StepStatus.RUNNING, step.status());
    assertEquals(2, step.attempt());
    assertEquals(Optional.of(new Lease(9, "node", Instant.ofEpochMilli(1700000000500L),
        Optional.of(Instant.ofEpochMilli(1700000002000L)))), step.lease());
    assertTrue(step.possiblyDone());
    assertEquals(Optional.of("{}"), step.resultJson());
  }

  @Test
  void aWaitingStepWhoseEmptyListsCjsonWroteAsObjects() {
    StepSnapshot step = snapshots.step("s1", "{\"id\":\"a\",\"w\":\"W\",\"st\":\"CREATED\",\"a\":0,\"r\":[1,0,\"2.0\",0,\"later\"],"
        + "\"d\":{},\"fr\":null,\"of\":\"x\"}", "[]", Optional.empty());
    assertEquals(List.of(), step.spec().dependsOn());
    assertEquals(Optional.empty(), step.lease());
    assertEquals(Optional.empty(), step.failureReason());
    assertEquals(Optional.of("x"), step.compensates());
    assertFalse(step.possiblyDone());
  }

  @Test
  void aStateWithoutItsStatusIsRefused() {
    assertThrows(IllegalStateException.class, () -> snapshots.step("s1", "{\"id\":\"a\",\"w\":\"W\",\"r\":[1,0,\"2.0\",0]}",
        "[]", Optional.empty()));
  }
}
