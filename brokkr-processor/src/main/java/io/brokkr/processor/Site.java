package io.brokkr.processor;

/**
 * Where a diagnostic is reported: an element, an annotation on it, or one value of that annotation.
 * Opaque to the analyzer, so that checks stay testable without javac; {@code SagaReader} creates
 * sites and {@code SagaProcessor} prints at them.
 */
interface Site {}
