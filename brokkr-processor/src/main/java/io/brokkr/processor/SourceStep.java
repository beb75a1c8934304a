package io.brokkr.processor;

import io.brokkr.processor.SourceMethod.Attribute;
import java.util.List;
import java.util.Optional;

/**
 * A {@code @Step} method as written.
 *
 * @param method the method
 * @param dependsOn the {@code dependsOn} entries, each with its own site
 * @param compensate a {@code @Compensate} on the same method, which is an error
 */
record SourceStep(SourceMethod method, List<Attribute> dependsOn, Optional<Site> compensate) {

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
  Optional<String> nonEmpty(String attributeName) {
    return method.nonEmpty(attributeName);
  }
}
