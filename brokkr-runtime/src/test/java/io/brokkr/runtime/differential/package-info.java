/**
 * The differential test of the two stores: seeded random sequences of SPI calls, each call made on
 * the in-memory and the Redis store and compared, differences shrunk to a minimal sequence.
 */
@NullMarked
package io.brokkr.runtime.differential;

import org.jspecify.annotations.NullMarked;
