/**
 * A Spring Boot shop: {@code POST /orders} places an order through {@link io.brokkr.samples.shop.OrderSaga}
 * (reserve stock, charge, ship; a failure releases the stock and refunds the charge), on the
 * in-memory store or, with {@code brokkr.redis.url}, on Redis.
 */
@NullMarked
package io.brokkr.samples.shop;

import org.jspecify.annotations.NullMarked;
