package io.brokkr.processor.payment;

import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import io.brokkr.runtime.StepContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An async step completed from outside, and two final steps: the launcher's handle carries a
 * record of both results.
 */
@Saga
public class PaymentSaga {
  /** The charges started elsewhere, as sagaId:amount. */
  public final List<String> requested = new CopyOnWriteArrayList<>();
  /** Completed with the first charge requested, so that a test can wait for it without polling. */
  public final CompletableFuture<String> firstRequest = new CompletableFuture<>();

  @Step(async = true)
  public void charge(long amount, StepContext context) {
    requested.add(context.sagaId() + ":" + amount);
    firstRequest.complete(context.sagaId() + ":" + amount);
  }

  @Step(dependsOn = "charge")
  public Map<String, List<Long>> ledger(Receipt charge) {
    return Map.of(charge.id(), List.of(charge.cents()));
  }

  @Step(dependsOn = "charge")
  public String email(Receipt charge, String customer) {
    return "to " + customer + ": paid " + charge.cents();
  }
}
