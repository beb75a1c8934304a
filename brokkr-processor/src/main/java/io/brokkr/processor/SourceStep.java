package io.brokkr.processor;

import io.brokkr.processor.SourceMethod.Attribute;
import java.util.List;

/**
 * A {@code @Step} method as written.
 *
 * @param method the method
 * @param dependsOn the {@code dependsOn} entries, each with its own site
 */
record SourceStep(SourceMethod method, List<Attribute> dependsOn) {

  SourceStep {
    dependsOn = List.copyOf(dependsOn);
  }

  /** The step's name: the {@code name} attribute when given, else the method's name. */
  String name() {
    return nonEmpty("name").orElse(method.name());
  }

  /** Where the step's name is written: the {@code name} attribute when given, else the method. */
  Site nameSite() {
    return nonEmpty("name").isPresent() ? method.siteOf("name") : method.site();
  }

  /** The dependency names in declared order. */
  List<String> dependencyNames() {
    return dependsOn.stream().map(Attribute::value).toList();
  }

  boolean isAsync() {
    return method.attribute("async").map(a -> a.value().equals("true")).orElse(false);
  }

  /** An attribute that is given and not empty. */
  java.util.Optional<String> nonEmpty(String attributeName) {
    return method.attribute(attributeName).map(Attribute::value).filter(v -> !v.isEmpty());
  }
}
