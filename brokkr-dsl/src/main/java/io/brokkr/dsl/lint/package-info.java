/**
 * Lints over saga templates: {@link io.brokkr.dsl.lint.VersioningLint} compares a saga with its
 * previous version and reports the changes that would break sagas already running.
 */
@NullMarked
package io.brokkr.dsl.lint;

import org.jspecify.annotations.NullMarked;
