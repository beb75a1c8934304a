/**
 * The traces of Brokkr nodes on OpenTelemetry:
 * {@code Brokkr.builder().instrumentation(BrokkrTracing.of(openTelemetry))}. See
 * {@link io.brokkr.opentelemetry.BrokkrTracing}.
 */
@NullMarked
package io.brokkr.opentelemetry;

import org.jspecify.annotations.NullMarked;
