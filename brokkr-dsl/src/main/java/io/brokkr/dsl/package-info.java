/**
 * The saga template model shared by every front end of Brokkr: the annotations, the builder DSL
 * ({@link io.brokkr.dsl.SagaTemplate#named(String)}), the YAML format ({@link io.brokkr.dsl.yaml.SagaYaml})
 * and the one graph validator ({@link io.brokkr.dsl.SagaValidator}).
 */
@NullMarked
package io.brokkr.dsl;

import org.jspecify.annotations.NullMarked;
