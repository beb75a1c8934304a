/**
 * The annotation processor of Brokkr and its launcher emitter. {@link io.brokkr.processor.SagaProcessor}
 * checks {@code @Saga} classes at compile time and generates their typed launchers;
 * {@link io.brokkr.processor.LauncherEmitter} emits a launcher from a template alone, for sagas
 * written in YAML.
 *
 * <p>The processor runs in three stages: {@code SagaReader} (the only code that touches
 * {@code javax.lang.model}) reads a class into a {@code SourceSaga}; {@code SagaAnalyzer} checks it,
 * builds its {@link io.brokkr.dsl.SagaTemplate} and runs the one graph validator on it; the emitter
 * turns the result into Java source.
 */
@NullMarked
package io.brokkr.processor;

import org.jspecify.annotations.NullMarked;
