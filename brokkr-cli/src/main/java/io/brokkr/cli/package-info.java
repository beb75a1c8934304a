/**
 * The {@code brokkr} command line: {@link io.brokkr.cli.BrokkrCli} is its entry point; every command
 * is package-private and built on the public API of {@code io.brokkr.runtime} and {@code io.brokkr.dsl}.
 */
@NullMarked
package io.brokkr.cli;

import org.jspecify.annotations.NullMarked;
