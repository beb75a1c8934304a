package io.brokkr.samples.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokkr.test.BrokkrExtension;
import io.brokkr.test.TestBrokkr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The order saga with the test kit, without Spring: what runs, what is undone, in which order. */
@ExtendWith(BrokkrExtension.class)
class OrderSagaTest {
  private final Warehouse warehouse = new Warehouse();
  private final Payments payments = new Payments();

  @BeforeEach
  void register(TestBrokkr brokkr) {
    OrderSagaLauncher.register(brokkr.node(), new OrderSaga(warehouse, payments, new Shipping()));
  }

  @Test
  void anOrderIsReservedChargedAndShipped(TestBrokkr brokkr) {
    brokkr.awaitOutcome(OrderSagaLauncher.start(brokkr.node(), "hammer", 2, "4242"))
        .assertFinished()
        .assertStepsRanInOrder("reserve", "charge", "ship");

    assertEquals(8, warehouse.left("hammer"));
    assertEquals(1, payments.standing());
  }

  @Test
  void aDeclinedCardReleasesTheStockAfterItsRetries(TestBrokkr brokkr) {
    brokkr.awaitOutcome(OrderSagaLauncher.start(brokkr.node(), "tongs", 1, "0000-1111"))
        .assertCompensated()
        .assertAttempts("charge", 3)
        .assertNotRun("ship")
        .assertStepsCompensatedInOrder("reserve");

    assertEquals(5, warehouse.left("tongs"));
  }

  @Test
  void aParcelThatCannotShipIsRefundedThenReleased(TestBrokkr brokkr) {
    brokkr.awaitOutcome(OrderSagaLauncher.start(brokkr.node(), "anvil", 1, "4242"))
        .assertCompensated()
        .assertStepsRanInOrder("reserve", "charge", "ship")
        .assertStepsCompensatedInOrder("charge", "reserve");

    assertEquals(2, warehouse.left("anvil"));
    assertEquals(0, payments.standing());
  }
}
