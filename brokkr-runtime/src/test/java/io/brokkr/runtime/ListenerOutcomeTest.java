package io.brokkr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A listener may wait for the outcome of the saga whose settling it is told: the outcome waits for
 * the listeners, but not for the listener that asks for it on their own thread.
 */
class ListenerOutcomeTest {

  @Test
  void aListenerCanWaitForTheOutcomeOfTheSagaWhoseSettlingItSees() throws Exception {
    AtomicReference<Brokkr> node = new AtomicReference<>();
    CompletableFuture<SagaStatus> seen = new CompletableFuture<>();
    SagaListener waiting = new SagaListener() {
      @Override
      public void onSagaTransition(String sagaId, SagaStatus from, SagaStatus to) {
        if (to.isSettled()) {
          try {
            seen.complete(node.get().getSaga(sagaId).orElseThrow().getOutcome().get(5, TimeUnit.SECONDS).status());
          } catch (Exception e) {
            seen.completeExceptionally(e);
          }
        }
      }
    };
    try (Brokkr brokkr = Brokkr.builder().nodeId("listener-outcome").listener(waiting).build(InMemoryBackend.create())) {
      node.set(brokkr);
      brokkr.registerWorker(Worker.sync("Shout", inv -> "HAMMER"));
      Saga saga = brokkr.createSaga();
      saga.addStep("Shout", List.of());
      saga.start();

      assertEquals(SagaStatus.FINISHED, seen.get(20, TimeUnit.SECONDS));
      assertEquals(SagaStatus.FINISHED, saga.getOutcome().get(20, TimeUnit.SECONDS).status());
    }
  }
}
