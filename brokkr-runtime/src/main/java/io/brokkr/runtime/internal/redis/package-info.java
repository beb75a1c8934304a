/**
 * The Redis store, on Redisson: every transition is one Lua script (resources next to these classes)
 * over keys of one hash slot, called by SHA; ready work, timers and active sagas are kept per
 * partition of a namespace; events go to every node through pub/sub. Not an API.
 */
@NullMarked
package io.brokkr.runtime.internal.redis;

import org.jspecify.annotations.NullMarked;
