package io.brokkr.spring.boot.autoconfigure;

import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;

/** A saga bean: its step calls the injected {@link Inventory}. */
@Saga("Reserve")
public class ReserveSaga {
  private final Inventory inventory;

  ReserveSaga(Inventory inventory) {
    this.inventory = inventory;
  }

  @Step
  String reserve(String item) {
    return inventory.reserve(item);
  }
}
