package com.acme.shop;

/** What charging an order gives. */
public record Receipt(String id) {}
