package io.brokkr.spring.boot.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;

/** An application service that the saga bean gets injected. */
public class Inventory {
  private final AtomicInteger reservations = new AtomicInteger();

  String reserve(String item) {
    return "reservation-" + reservations.incrementAndGet() + "-of-" + item;
  }
}
