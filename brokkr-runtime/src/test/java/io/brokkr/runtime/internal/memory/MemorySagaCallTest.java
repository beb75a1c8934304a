package io.brokkr.runtime.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.StepStatus;
import io.brokkr.runtime.spi.StepSpec;
import io.brokkr.runtime.spi.StoreEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A store call on an in-memory saga runs within one hold of its lock, and what it publishes goes out
 * at its end, as a Redis call's message does: a step the call made ready and claimed is not announced.
 */
class MemorySagaCallTest {
  private final List<StoreEvent> delivered = new ArrayList<>();
  private final Outbox outbox = new Outbox(Subscribers.of(delivered::add));
  private final ReadyQueues queues = new ReadyQueues();
  private final MemorySaga saga = new MemorySaga("s", Optional.empty(), Clock.systemUTC(), queues, new TimerIndex(),
      outbox);

  @Test
  void aCallMadeWithinAnotherIsPartOfItSoItsEventsKeepTheirOrderAndItsClaimTakesTheAnnouncementBack() {
    saga.within(drafting -> {
      drafting.addStep(spec("a"));
      drafting.addStep(spec("b"));
      return drafting;
    });
    saga.within(outer -> {
      outer.start();
      // A call made on the calling thread while the outer one runs (a listener told at once, say).
      return outer.within(inner -> inner.claimMadeReady("a", "node-1", Instant.EPOCH, Duration.ofSeconds(30)));
    });
    outbox.deliver();

    assertEquals(List.of(
        new StoreEvent.SagaMoved("s", SagaStatus.CREATED, SagaStatus.RUNNING),
        new StoreEvent.StepMoved("s", "a", "w", StepStatus.CREATED, StepStatus.QUEUED),
        new StoreEvent.StepMoved("s", "b", "w", StepStatus.CREATED, StepStatus.QUEUED),
        new StoreEvent.WorkReady("s", "b", "w"),
        new StoreEvent.StepMoved("s", "a", "w", StepStatus.QUEUED, StepStatus.RUNNING)), delivered);
    assertEquals("b", queues.poll("w").orElseThrow().step().stepId(), "only b was queued");
    assertEquals(Optional.empty(), queues.poll("w"));
  }

  private static StepSpec spec(String id) {
    return new StepSpec(id, "w", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty());
  }
}
