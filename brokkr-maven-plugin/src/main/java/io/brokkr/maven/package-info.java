/**
 * The goals of {@code brokkr-maven-plugin}: {@code brokkr:validate}, {@code brokkr:generate},
 * {@code brokkr:lint} and {@code brokkr:diagram}. Each mojo only maps its parameters to a config
 * record and calls an engine of {@link io.brokkr.maven.internal}.
 */
@NullMarked
package io.brokkr.maven;

import org.jspecify.annotations.NullMarked;
