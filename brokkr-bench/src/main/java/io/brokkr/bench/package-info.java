/**
 * The benchmark: Brokkr on its in-memory and Redis stores against BullMQ flows on the same Redis,
 * run from the command line by {@link io.brokkr.bench.BenchMain}.
 */
@NullMarked
package io.brokkr.bench;

import org.jspecify.annotations.NullMarked;
