package io.brokkr.processor;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code @Step} or {@code @Compensate} method as written.
 *
 * @param name the method's name
 * @param isPrivate whether it is private
 * @param isStatic whether it is static
 * @param typeParameter its first type parameter, when it is generic
 * @param returns its return type, {@link TypeName#VOID} for none
 * @param parameters its parameters in order
 * @param site the method
 * @param annotation its {@code @Step} or {@code @Compensate}
 * @param attributes the annotation's explicitly given values by attribute name, arrays excepted
 */
record SourceMethod(
    String name,
    boolean isPrivate,
    boolean isStatic,
    Optional<Site> typeParameter,
    TypeName returns,
    List<SourceParameter> parameters,
    Site site,
    Site annotation,
    Map<String, Attribute> attributes) {

  SourceMethod {
    parameters = List.copyOf(parameters);
    attributes = Map.copyOf(attributes);
  }

  /** An explicitly given attribute, if there is one. */
  Optional<Attribute> attribute(String attributeName) {
    return Optional.ofNullable(attributes.get(attributeName));
  }

  /** An attribute that is given and not empty. */
  Optional<String> nonEmpty(String attributeName) {
    return attribute(attributeName).map(Attribute::value).filter(v -> !v.isEmpty());
  }

  /** The site of an attribute's value, else of the annotation. */
  Site siteOf(String attributeName) {
    return attribute(attributeName).map(Attribute::site).orElse(annotation);
  }

  /**
   * One annotation value as written.
   *
   * @param value the value as text: a string's content, a number or a boolean
   * @param site the value
   */
  record Attribute(String value, Site site) {}
}
