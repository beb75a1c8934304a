/**
 * The YAML format of saga templates: {@link io.brokkr.dsl.yaml.SagaYaml} reads one or several sagas
 * per file, reporting every problem with its file, line and column, and writes templates back.
 */
@NullMarked
package io.brokkr.dsl.yaml;

import org.jspecify.annotations.NullMarked;
