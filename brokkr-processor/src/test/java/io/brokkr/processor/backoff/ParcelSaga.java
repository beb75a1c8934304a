package io.brokkr.processor.backoff;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A parcel whose billing always fails and whose recall fails four times: both set only their
 * backoff, so they take the attempts of the node they run on.
 */
@Saga
public class ParcelSaga {
  /** How many times the step bill ran. */
  public final AtomicInteger billAttempts = new AtomicInteger();
  /** How many times the compensator ran. */
  public final AtomicInteger recallAttempts = new AtomicInteger();

  @Step
  public String ship(String parcel) {
    return "tracking-" + parcel;
  }

  @Step(dependsOn = "ship", backoff = "1ms")
  public void bill(String ship) {
    billAttempts.incrementAndGet();
    throw new IllegalStateException("the card of " + ship + " was declined");
  }

  @Compensate(value = "ship", backoff = "1ms")
  public void recall(String ship) {
    if (recallAttempts.incrementAndGet() < 5) {
      throw new IllegalStateException("the courier of " + ship + " is out");
    }
  }
}
