package io.brokkr.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokkr.dsl.RetryPolicy;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Instrumentation;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaStatus;
import io.brokkr.runtime.Worker;
import io.brokkr.runtime.spi.Claim;
import io.brokkr.runtime.spi.ClaimRequest;
import io.brokkr.runtime.spi.Change;
import io.brokkr.runtime.spi.SagaDraft;
import io.brokkr.runtime.spi.SagaStore;
import io.brokkr.runtime.spi.Settler;
import io.brokkr.runtime.spi.StepSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The trace context of the code that creates a saga is kept with it, and every claim of its steps,
 * on any node, hands it back: the parent of the attempts' spans.
 */
public interface TraceContextContract extends ContractFixture {
  Map<String, String> CONTEXT = Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
      "tracestate", "vendor=a,b=c");

  private static StepSpec spec(String id, String worker, String... dependsOn) {
    return new StepSpec(id, worker, List.of(dependsOn), "[]", RetryPolicy.DEFAULT, Optional.empty());
  }

  private static Claim claim(SagaStore store, String worker) {
    return store.claimNext(worker, "node-1", Instant.now(), Duration.ofSeconds(30))
        .orElseThrow(() -> new AssertionError("nothing to claim for " + worker));
  }

  @Test
  default void aClaimOnAnotherViewCarriesTheContextStoredAtCreation() {
    SagaStore creator = store();
    SagaStore claimer = store();
    creator.createSaga("traced", Optional.of("order"), CONTEXT);
    creator.addStep("traced", spec("a", "A"));
    creator.addStep("traced", spec("b", "B", "a"));
    creator.start("traced");
    creator.createSaga("plain", Optional.empty());
    creator.addStep("plain", spec("p", "P"));
    creator.start("plain");

    Claim a = claim(claimer, "A");
    assertEquals(CONTEXT, a.traceContext());
    assertTrue(a.readyAt().isPresent(), "a step claimed from its queue knows when it became ready");
    Change finished = claimer.finishAndClaim(a.step().ref(), Settler.attempt(a.lease().token()), Optional.empty(),
        new ClaimRequest("node-1", Instant.now(), Duration.ofSeconds(30), Set.of("B")));
    assertEquals(CONTEXT, finished.claimed().orElseThrow().traceContext(), "finish-and-claim hands it back too");
    assertEquals(Map.of(), claim(claimer, "P").traceContext(), "a saga created without context has none");
  }

  @Test
  default void aSagaCreatedAndStartedInOneCallKeepsItsContext() {
    SagaStore store = store();
    SagaDraft draft = new SagaDraft("drafted", List.of(spec("a", "A"), spec("b", "B")), Map.of(), Optional.of("order"),
        CONTEXT);
    Change change = store.createStartAndClaim(draft, new ClaimRequest("node-1", Instant.now(), Duration.ofSeconds(30),
        Set.of("A")), 1);
    assertEquals(CONTEXT, change.claimed().orElseThrow().traceContext(), "a step claimed by the start itself");
    assertEquals(CONTEXT, claim(store(), "B").traceContext(), "a step claimed later, from another view");
  }

  @Test
  default void theAttemptsOnAnotherNodeSeeTheContextOfTheCreation() {
    Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    Brokkr starter = node(b -> b.instrumentation(new Instrumentation() {
      @Override
      public Scope sagaCreating(SagaInfo saga) {
        return new Scope() {
          @Override
          public Map<String, String> traceContext() {
            return CONTEXT;
          }
        };
      }
    }));
    Brokkr runner = node(b -> b.instrumentation(new Instrumentation() {
      @Override
      public Scope attemptStarting(AttemptInfo attempt) {
        seen.put(attempt.stepId(), attempt.traceContext());
        return Scope.NONE;
      }
    }));
    runner.registerWorker(Worker.sync("Forge", inv -> "forged"));
    Saga saga = starter.createSaga("forging");
    saga.addStep("Forge", List.of());
    saga.start();
    assertEquals(SagaStatus.FINISHED, outcome(saga).status());
    assertEquals(List.of(CONTEXT), List.copyOf(seen.values()));
  }
}
