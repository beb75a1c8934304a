/**
 * The embedded in-memory store: sagas of several namespaces in one JVM, each saga guarded by its own
 * lock, so that its transitions are atomic exactly as the Redis scripts are.
 */
@NullMarked
package io.brokkr.runtime.internal.memory;

import org.jspecify.annotations.NullMarked;
