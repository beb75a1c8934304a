package com.acme.shop;

/** What charging an order gives. */
public record Receipt(String id, Status status) {
  /** Where a payment stands. */
  public enum Status { PAID, REFUNDED }
}

/** A line of an order, declared in another class's file. */
record Line(String sku, int quantity) {}
