package io.brokkr.processor.undo;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shipment whose billing always fails, and whose compensator (recalling the parcel) fails
 * {@code recallFailures} times before it succeeds: with its own policy of 5 attempts it outlasts
 * four failures, where the node's default of 3 would not.
 */
@Saga
public class ShipmentSaga {
  /** How many times the compensator ran. */
  public final AtomicInteger recallAttempts = new AtomicInteger();
  private final int recallFailures;

  public ShipmentSaga(int recallFailures) {
    this.recallFailures = recallFailures;
  }

  @Step
  public String ship(String parcel) {
    return "tracking-" + parcel;
  }

  @Step(dependsOn = "ship", maxAttempts = 1)
  public void bill(String ship) {
    throw new IllegalStateException("the card of " + ship + " was declined");
  }

  @Compensate(value = "ship", maxAttempts = 5, backoff = "1ms", maxBackoff = "4ms", timeout = "10s")
  public void recall(String ship) {
    if (recallAttempts.incrementAndGet() <= recallFailures) {
      throw new IllegalStateException("the courier of " + ship + " is out");
    }
  }
}
