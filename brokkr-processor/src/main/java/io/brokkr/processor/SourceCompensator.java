package io.brokkr.processor;

import io.brokkr.processor.SourceMethod.Attribute;

/**
 * A {@code @Compensate} method as written.
 *
 * @param method the method
 * @param step the annotation's value: the name of the step it compensates
 */
record SourceCompensator(SourceMethod method, Attribute step) {}
