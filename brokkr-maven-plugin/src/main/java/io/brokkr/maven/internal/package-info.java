/**
 * The Maven-free engines behind the plugin's goals: finding and reading saga files, reporting their
 * problems, writing diagrams and launchers only when their content changed. Not an API: the mojos
 * are its only callers.
 */
@NullMarked
package io.brokkr.maven.internal;

import org.jspecify.annotations.NullMarked;
