package io.brokkr.runtime.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransitionTablesTest {

  @Test
  void everyPairOfTheSagaTableIsFoundAndEveryOtherPairIsIllegal() {
    int legal = 0;
    for (SagaStatus from : SagaStatus.values()) {
      for (SagaStatus to : SagaStatus.values()) {
        boolean listed = EnumSet.allOf(SagaTransition.class).stream().anyMatch(t -> t.from() == from && t.to() == to);
        if (listed) {
          assertEquals(from, SagaTransition.of("s", from, to).from());
          legal++;
        } else {
          IllegalTransitionException e = assertThrows(IllegalTransitionException.class, () -> SagaTransition.of("s", from, to));
          assertEquals("saga s cannot move from " + from + " to " + to, e.getMessage());
          assertEquals(Optional.empty(), e.stepId());
        }
      }
    }
    assertEquals(SagaTransition.values().length, legal);
  }

  @Test
  void anIllegalStepTransitionNamesSagaStepFromAndTo() {
    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
        () -> StepTransition.of("s-1", "head", StepStatus.FINISHED, StepStatus.RUNNING));
    assertEquals("step \"head\" of saga s-1 cannot move from FINISHED to RUNNING", e.getMessage());
    assertEquals("s-1", e.sagaId());
    assertEquals(Optional.of("head"), e.stepId());
    assertEquals("FINISHED", e.from());
    assertEquals("RUNNING", e.to());
  }

  @Test
  void settledStatesHaveNoWayOut() {
    for (SagaStatus settled : EnumSet.of(SagaStatus.FINISHED, SagaStatus.COMPENSATED)) {
      assertTrue(EnumSet.allOf(SagaTransition.class).stream().noneMatch(t -> t.from() == settled), settled::name);
    }
    // A FAILED saga leaves only by an operator's retry or resolve.
    assertEquals(List.of(SagaTransition.RESUME),
        EnumSet.allOf(SagaTransition.class).stream().filter(t -> t.from() == SagaStatus.FAILED).toList());
    assertTrue(EnumSet.allOf(StepTransition.class).stream().noneMatch(t -> t.from() == StepStatus.COMPENSATED));
    // A skipped step leaves only to be compensated, when it is possibly done; a failed one also by
    // an operator's retry or resolve of a compensator.
    assertEquals(List.of(StepStatus.COMPENSATING), EnumSet.allOf(StepTransition.class).stream()
        .filter(t -> t.from() == StepStatus.SKIPPED).map(StepTransition::to).toList());
    assertEquals(List.of(StepStatus.COMPENSATING, StepStatus.QUEUED, StepStatus.FINISHED, StepStatus.COMPENSATED),
        EnumSet.allOf(StepTransition.class).stream().filter(t -> t.from() == StepStatus.FAILED)
            .map(StepTransition::to).toList());
  }

  @Test
  void everyStepStatusIsReachableFromWhereStepsStart() {
    Set<StepStatus> reached = EnumSet.of(StepStatus.CREATED, StepStatus.WAITING_FOR_COMPENSATION);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (StepTransition t : StepTransition.values()) {
        grew |= reached.contains(t.from()) && reached.add(t.to());
      }
    }
    assertEquals(EnumSet.allOf(StepStatus.class), reached);
  }
}
