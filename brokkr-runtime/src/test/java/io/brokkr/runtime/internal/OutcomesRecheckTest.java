package io.brokkr.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.InMemoryBackend;
import io.brokkr.runtime.SagaOutcome;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** An outcome whose settling event never arrived is completed by the recheck, not left waiting. */
class OutcomesRecheckTest {

  @Test
  void aSagaThatSettledUnseenIsReadAtTheSecondCheck() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      // No subscription: this node sees none of the saga's events, as after a lost message.
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> false, Runnable::run);
      store.createSaga("s");
      store.addStep("s", new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      CompletableFuture<SagaOutcome> outcome = outcomes.expect("s");
      store.start("s");
      Claim claim = store.claimNext("A", "node-1", Instant.now(), Duration.ofSeconds(30)).orElseThrow();
      store.finish(claim.step().ref(), Settler.attempt(claim.lease().token()), Optional.of("\"done\""));

      outcomes.recheck();
      assertFalse(outcome.isDone(), "a future is read only once it waited a whole period");
      outcomes.recheck();
      assertTrue(outcome.isDone());
      assertEquals(SagaStatus.FINISHED, outcome.join().status());
      assertEquals("done", outcome.join().results().get("a", String.class));
    }
  }

  @Test
  void aSagaStillRunningStaysPending() {
    try (SagaStore store = InMemoryBackend.create().open("ns")) {
      Outcomes outcomes = new Outcomes(store, new Json(), Runnable::run, () -> false, Runnable::run);
      store.createSaga("s");
      store.addStep("s", new StepSpec("a", "A", List.of(), "[]", RetryPolicy.NO_RETRY, Optional.empty()));
      store.start("s");
      CompletableFuture<SagaOutcome> outcome = outcomes.of("s");
      outcomes.recheck();
      outcomes.recheck();
      assertFalse(outcome.isDone());
    }
  }
}
