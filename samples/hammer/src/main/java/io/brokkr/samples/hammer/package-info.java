/**
 * The hammer saga of the original Brokkr, run for real on the embedded in-memory store: a head and
 * a handle are made in parallel, then joined into a hammer; with {@code --fail} the hammer cannot be
 * made and the head is destroyed.
 */
@NullMarked
package io.brokkr.samples.hammer;

import org.jspecify.annotations.NullMarked;
