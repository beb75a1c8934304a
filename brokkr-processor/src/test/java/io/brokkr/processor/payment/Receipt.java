package io.brokkr.processor.payment;

/** What the payment service returns for a charge. */
public record Receipt(String id, long cents) {}
