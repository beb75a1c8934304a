package io.brokkr.samples.shop;

import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import io.brokkr.runtime.StepContext;
import org.springframework.stereotype.Component;

/**
 * An order: reserve the stock, charge the card, ship. The starter registers this bean through the
 * generated {@code OrderSagaLauncher}, so the steps run with the injected services. A parameter
 * named after a step gets that step's result ({@code refund(String charge)}); the others are the
 * saga's inputs. When a step fails, the charge is refunded and the stock released.
 */
@Saga("Order")
@Component
public class OrderSaga {
  private final Warehouse warehouse;
  private final Payments payments;
  private final Shipping shipping;

  OrderSaga(Warehouse warehouse, Payments payments, Shipping shipping) {
    this.warehouse = warehouse;
    this.payments = payments;
    this.shipping = shipping;
  }

  @Step
  String reserve(String item, int quantity, StepContext context) {
    return warehouse.reserve(item, quantity, context.idempotencyKey());
  }

  @Step(dependsOn = "reserve")
  String charge(String card, int quantity, StepContext context) {
    return payments.charge(card, quantity * 1999, context.idempotencyKey());
  }

  @Step(dependsOn = "charge")
  String ship(String item, int quantity, StepContext context) {
    return shipping.ship(item, quantity, context.idempotencyKey());
  }

  @Compensate("reserve")
  void release(String item, int quantity) {
    warehouse.release(item, quantity);
  }

  @Compensate("charge")
  void refund(String charge) {
    payments.refund(charge);
  }
}
