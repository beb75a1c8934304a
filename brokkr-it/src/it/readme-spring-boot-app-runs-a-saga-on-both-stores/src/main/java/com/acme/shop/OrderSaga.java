package com.acme.shop;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import io.brokkr.runtime.StepContext;
import org.springframework.stereotype.Component;

@Saga("Order")
@Component
public class OrderSaga {
  private final Payments payments;

  OrderSaga(Payments payments) {
    this.payments = payments;
  }

  @Step
  String charge(String card, StepContext context) {
    return payments.charge(card, context.idempotencyKey());
  }

  @Compensate("charge")
  void refund(String charge) {
    payments.refund(charge);
  }

  /** The application's payment service. */
  @Component
  public static class Payments {
    String charge(String card, String key) {
      return "charge-" + key;
    }

    void refund(String charge) {}
  }
}
