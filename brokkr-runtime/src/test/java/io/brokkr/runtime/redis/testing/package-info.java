/** Real Redis servers and clusters for tests, started on free loopback ports and stopped afterwards. */
@NullMarked
package io.brokkr.runtime.redis.testing;

import org.jspecify.annotations.NullMarked;
