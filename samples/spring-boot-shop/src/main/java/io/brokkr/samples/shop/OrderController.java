package io.brokkr.samples.shop;

import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.SagaHandle;
import io.brokkr.runtime.SagaOutcome;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /orders}: places an order and answers once its saga settled. */
@RestController
public class OrderController {
  private final Brokkr brokkr;

  OrderController(Brokkr brokkr) {
    this.brokkr = brokkr;
  }

  /**
   * What the client orders.
   *
   * @param item what to buy
   * @param quantity how many
   * @param card the card to charge
   */
  public record OrderRequest(String item, int quantity, String card) {}

  /**
   * What the shop answers.
   *
   * @param sagaId the order's saga
   * @param status FINISHED when shipped, COMPENSATED when undone
   * @param parcel the parcel, when shipped
   * @param failure why the order was undone, when it was
   */
  public record OrderResponse(String sagaId, String status, String parcel, String failure) {}

  /**
   * Places an order; Spring MVC waits for the future without holding a request thread.
   *
   * @param order what to buy
   * @return the order's outcome, once its saga settled
   */
  @PostMapping("/orders")
  public CompletableFuture<OrderResponse> place(@RequestBody OrderRequest order) {
    SagaHandle<String> saga = OrderSagaLauncher.start(brokkr, order.item(), order.quantity(), order.card());
    return saga.outcome().thenApply(OrderController::response);
  }

  private static OrderResponse response(SagaOutcome outcome) {
    return new OrderResponse(outcome.sagaId(), outcome.status().name(),
        outcome.isFinished() ? outcome.results().get("ship", String.class) : "",
        outcome.failure().map(f -> f.stepId() + ": " + f.reason()).orElse(""));
  }
}
