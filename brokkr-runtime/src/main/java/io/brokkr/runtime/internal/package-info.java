/**
 * The engine behind {@link io.brokkr.runtime.Brokkr}: dispatch of ready steps to the node's worker
 * pool, attempts with leases, retries and timeouts on timers, recovery, and the views of sagas and
 * steps. Not an API: it may change in any release.
 */
@NullMarked
package io.brokkr.runtime.internal;

import org.jspecify.annotations.NullMarked;
