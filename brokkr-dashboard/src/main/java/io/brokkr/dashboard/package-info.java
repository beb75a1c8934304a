/**
 * Brokkr's web dashboard: every saga of a namespace live, as a graph, with operator actions. Start
 * it with {@link io.brokkr.dashboard.BrokkrDashboard#start}.
 */
@NullMarked
package io.brokkr.dashboard;

import org.jspecify.annotations.NullMarked;
