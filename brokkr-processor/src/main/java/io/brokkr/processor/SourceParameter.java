package io.brokkr.processor;

import com.palantir.javapoet.TypeName;

/**
 * A parameter of a step or compensator method.
 *
 * @param name the parameter's name
 * @param type its type
 * @param isContext whether its type is {@code io.brokkr.runtime.StepContext}, injected by the launcher
 * @param site the parameter
 */
record SourceParameter(String name, TypeName type, boolean isContext, Site site) {}
