/**
 * The metrics of Brokkr nodes on a Micrometer {@code MeterRegistry}:
 * {@code Brokkr.builder().instrumentation(BrokkrMetrics.of(registry))}. The meters are listed in
 * {@link io.brokkr.micrometer.BrokkrMetrics}; a Grafana dashboard built on them ships as the resource
 * {@value io.brokkr.micrometer.BrokkrMetrics#DASHBOARD}.
 */
@NullMarked
package io.brokkr.micrometer;

import org.jspecify.annotations.NullMarked;
