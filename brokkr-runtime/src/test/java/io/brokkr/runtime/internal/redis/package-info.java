/** Tests of the Redis store against real servers started by the harness. */
@NullMarked
package io.brokkr.runtime.internal.redis;

import org.jspecify.annotations.NullMarked;
