package io.brokkr.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Locale;
import java.util.stream.Collectors;

/** Java identifiers made from saga names ("charge-card" becomes {@code ChargeCard}) and from types. */
final class Identifiers {
  private Identifiers() {}

  /** {@code charge-card}, {@code charge.card} and {@code chargeCard} all give {@code ChargeCard}. */
  static String upperCamel(String name) {
    StringBuilder out = new StringBuilder();
    for (String word : name.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
      }
    }
    return out.length() == 0 || Character.isDigit(out.charAt(0)) ? "_" + out : out.toString();
  }

  /** Like {@link #upperCamel} with a lower-case first letter: {@code chargeCard}. */
  static String lowerCamel(String name) {
    String upper = upperCamel(name);
    return upper.startsWith("_") ? upper : Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
  }

  /** A constant's name for a type: {@code List<PartId>} gives {@code LIST_OF_PART_ID}. */
  static String constant(TypeName type) {
    if (type instanceof ClassName name) {
      return upperSnake(name.simpleName());
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return constant(parameterized.rawType()) + "_OF_"
          + parameterized.typeArguments().stream().map(Identifiers::constant).collect(Collectors.joining("_AND_"));
    }
    if (type instanceof ArrayTypeName array) {
      return constant(array.componentType()) + "_ARRAY";
    }
    if (type instanceof WildcardTypeName wildcard) {
      return wildcard.lowerBounds().isEmpty() ? constant(wildcard.upperBounds().get(0)) : "ANY";
    }
    return upperSnake(type.toString());
  }

  /** A type as a person writes it where it is imported: {@code Map<String, List<Part>>}. */
  static String readable(TypeName type) {
    if (type instanceof ClassName name) {
      return String.join(".", name.simpleNames());
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      return readable(parameterized.rawType()) + parameterized.typeArguments().stream()
          .map(Identifiers::readable).collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof ArrayTypeName array) {
      return readable(array.componentType()) + "[]";
    }
    if (type instanceof WildcardTypeName wildcard) {
      if (!wildcard.lowerBounds().isEmpty()) {
        return "? super " + readable(wildcard.lowerBounds().get(0));
      }
      TypeName bound = wildcard.upperBounds().get(0);
      return bound.equals(ClassName.OBJECT) ? "?" : "? extends " + readable(bound);
    }
    return type.toString();
  }

  /** {@code ChargeCard} gives {@code CHARGE_CARD}. */
  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
  }
}
