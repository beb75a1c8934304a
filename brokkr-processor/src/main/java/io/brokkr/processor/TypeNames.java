package io.brokkr.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Java type names a template holds as text ({@code int}, {@code String},
 * {@code java.util.List<com.acme.Part>}, {@code byte[]}). A simple name is a {@code java.lang}
 * class when it names one of the common ones, else a class of the launcher's package.
 */
final class TypeNames {
  private static final Map<String, TypeName> PRIMITIVES = Map.of(
      "boolean", TypeName.BOOLEAN, "byte", TypeName.BYTE, "short", TypeName.SHORT, "int", TypeName.INT,
      "long", TypeName.LONG, "char", TypeName.CHAR, "float", TypeName.FLOAT, "double", TypeName.DOUBLE);
  private static final Set<String> JAVA_LANG = Set.of("Object", "String", "CharSequence", "Boolean", "Byte",
      "Short", "Integer", "Long", "Character", "Float", "Double", "Number", "Void");

  private final String text;
  private final String localPackage;
  private int position;

  private TypeNames(String text, String localPackage) {
    this.text = text;
    this.localPackage = localPackage;
  }

  /**
   * The type that {@code text} names.
   *
   * @throws IllegalArgumentException quoting the text when it is not a Java type
   */
  static TypeName parse(String text, String localPackage) {
    TypeNames parser = new TypeNames(text, localPackage);
    try {
      TypeName type = parser.type();
      parser.skipSpaces();
      if (parser.position != text.length()) {
        throw parser.error();
      }
      return type;
    } catch (IndexOutOfBoundsException e) {
      throw parser.error();
    }
  }

  /**
   * Every class {@code type} refers to, in order of appearance, each once: the raw type and the type
   * arguments of a parameterized type, the written bound of a wildcard, the component of an array.
   */
  static List<ClassName> classesIn(TypeName type) {
    LinkedHashSet<ClassName> classes = new LinkedHashSet<>();
    collect(type, classes);
    return List.copyOf(classes);
  }

  private static void collect(TypeName type, LinkedHashSet<ClassName> classes) {
    if (type instanceof ClassName name) {
      classes.add(name);
    } else if (type instanceof ParameterizedTypeName parameterized) {
      classes.add(parameterized.rawType());
      parameterized.typeArguments().forEach(argument -> collect(argument, classes));
    } else if (type instanceof ArrayTypeName array) {
      collect(array.componentType(), classes);
    } else if (type instanceof WildcardTypeName wildcard) {
      // "?" and "? super Part" have the upper bound Object, which the text does not name (and is always there).
      wildcard.upperBounds().stream().filter(bound -> !bound.equals(ClassName.OBJECT))
          .forEach(bound -> collect(bound, classes));
      wildcard.lowerBounds().forEach(bound -> collect(bound, classes));
    }
  }

  private TypeName type() {
    String name = qualifiedName();
    TypeName type = PRIMITIVES.containsKey(name) ? PRIMITIVES.get(name) : className(name);
    if (type instanceof ClassName raw && accept('<')) {
      List<TypeName> arguments = new ArrayList<>();
      do {
        arguments.add(argument());
      } while (accept(','));
      expect('>');
      type = ParameterizedTypeName.get(raw, arguments.toArray(TypeName[]::new));
    }
    while (accept('[')) {
      expect(']');
      type = ArrayTypeName.of(type);
    }
    return type;
  }

  private TypeName argument() {
    if (!accept('?')) {
      return type();
    }
    String keyword = word();
    return switch (keyword) {
      case "" -> WildcardTypeName.subtypeOf(Object.class);
      case "extends" -> WildcardTypeName.subtypeOf(type());
      case "super" -> WildcardTypeName.supertypeOf(type());
      default -> throw error();
    };
  }

  private String qualifiedName() {
    StringBuilder name = new StringBuilder(word());
    while (accept('.')) {
      name.append('.').append(word());
    }
    if (name.isEmpty() || name.charAt(name.length() - 1) == '.') {
      throw error();
    }
    return name.toString();
  }

  private ClassName className(String name) {
    if (name.contains(".")) {
      try {
        return ClassName.bestGuess(name);
      } catch (IllegalArgumentException e) {
        throw error();
      }
    }
    return ClassName.get(JAVA_LANG.contains(name) ? "java.lang" : localPackage, name);
  }

  private String word() {
    skipSpaces();
    int start = position;
    while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }

  private boolean peek(char c) {
    skipSpaces();
    return position < text.length() && text.charAt(position) == c;
  }

  private boolean accept(char c) {
    if (peek(c)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error();
    }
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private IllegalArgumentException error() {
    return new IllegalArgumentException("\"" + text + "\" is not a Java type; write e.g. int, String or"
        + " java.util.List<com.acme.Part>");
  }
}
