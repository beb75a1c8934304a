package com.acme.orders;

import io.brokkr.dsl.Durations;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaTemplateBuilder;
import io.brokkr.runtime.Brokkr;
import io.brokkr.runtime.Saga;
import io.brokkr.runtime.SagaHandle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Starts the saga {@code Order} with typed inputs and result. Register its workers under
 * the names its {@code *_WORKER} constants hold.
 */
@Generated("io.brokkr.maven.GenerateMojo")
public final class OrderLauncher {
  /**
   * The saga's template, as checked at compile time: tools and the runtime see this one model.
   */
  public static final SagaTemplate TEMPLATE = template();

  /**
   * The worker name of step {@code reserve}.
   */
  public static final String RESERVE_WORKER = "Inventory.reserve";

  /**
   * The worker name of step {@code charge-card}.
   */
  public static final String CHARGE_CARD_WORKER = "Payments.charge";

  /**
   * The worker name of the compensator of step {@code charge-card}.
   */
  public static final String CHARGE_CARD_COMPENSATOR_WORKER = "Payments.refund";

  /**
   * The worker name of step {@code ship}.
   */
  public static final String SHIP_WORKER = "Shipping.ship";

  /**
   * Not instantiable: every member is static.
   */
  private OrderLauncher() {
  }

  /**
   * Starts a saga from {@link #TEMPLATE}; the nodes that registered its workers run its steps.
   *
   * @param brokkr the node that stores the saga
   * @param customer the saga input {@code customer}
   * @param items the saga input {@code items}
   * @param total the saga input {@code total}
   * @return the saga's handle, whose result is null: the saga's final steps return nothing
   */
  public static SagaHandle<Void> start(Brokkr brokkr, String customer, List<String> items,
      BigDecimal total) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(total, "total");
    return brokkr.start(TEMPLATE, Map.of("customer", customer, "items", items, "total", total))
        .map(results -> null);
  }

  /**
   * Finishes the async step {@code charge-card} of a saga, from any thread or node;
   * the steps that depend on it receive {@code result}.
   *
   * @param brokkr a node of the saga's namespace
   * @param sagaId the saga's id, from {@link io.brokkr.runtime.SagaHandle#sagaId()}
   * @param result the step's result
   * @return true when this call finished the step; false when it was settled already
   * @throws IllegalArgumentException when the namespace has no saga of that id
   */
  public static boolean finishChargeCard(Brokkr brokkr, String sagaId, String result) {
    return saga(brokkr, sagaId).stepFinished("charge-card", result);
  }

  /**
   * Fails the async step {@code charge-card} of a saga, from any thread or node:
   * the saga compensates.
   *
   * @param brokkr a node of the saga's namespace
   * @param sagaId the saga's id, from {@link io.brokkr.runtime.SagaHandle#sagaId()}
   * @param reason why the step failed
   * @return true when this call failed the step; false when it was settled already
   * @throws IllegalArgumentException when the namespace has no saga of that id
   */
  public static boolean failChargeCard(Brokkr brokkr, String sagaId, String reason) {
    return saga(brokkr, sagaId).stepFailed("charge-card", reason);
  }

  /**
   * The saga of that id, or an exception naming it and the namespace.
   */
  private static Saga saga(Brokkr brokkr, String sagaId) {
    return brokkr.getSaga(sagaId).orElseThrow(() -> new IllegalArgumentException(
        "no saga \"" + sagaId + "\" in namespace " + brokkr.namespace()));
  }

  /**
   * Builds {@link #TEMPLATE} with the builder DSL.
   */
  private static SagaTemplate template() {
    SagaTemplateBuilder saga = SagaTemplate.named("Order")
        .input("customer", "String")
        .input("items", "java.util.List<java.lang.String>")
        .input("total", "java.math.BigDecimal");
    saga.step("reserve").worker("Inventory.reserve").inputs("items")
        .output("java.util.List<java.lang.Long>")
        .retry(new RetryPolicy(4, Durations.parse("250ms"), 1.5, Durations.parse("5s")));
    saga.step("charge-card").worker("Payments.charge").inputs("customer", "total").output("String")
        .timeout(Durations.parse("2m")).async();
    saga.step("ship").worker("Shipping.ship").dependsOn("reserve", "charge-card");
    saga.compensate("charge-card", "Payments.refund", List.of("full", 1, List.of(true, 2.5)), List.of());
    return saga.build();
  }
}
