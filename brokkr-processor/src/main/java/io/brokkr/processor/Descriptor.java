package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.yaml.SagaYaml;

/**
 * The descriptor of an annotated saga, {@code META-INF/brokkr/<saga class>.yaml}: its template in
 * Brokkr's YAML format, headed by comments naming the class and its launcher, for tools that list
 * the sagas of a build (the diagram mojo) without loading classes.
 */
final class Descriptor {
  private Descriptor() {}

  /** Where the descriptor of {@code sagaClass} goes, relative to the class output. */
  static String path(ClassName sagaClass) {
    return "META-INF/brokkr/" + sagaClass.reflectionName() + ".yaml";
  }

  static String yaml(SagaTemplate template, ClassName sagaClass, ClassName launcher) {
    return "# Saga class: " + sagaClass.reflectionName() + "\n"
        + "# Launcher: " + launcher.reflectionName() + "\n"
        + SagaYaml.write(template);
  }
}
