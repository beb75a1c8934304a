package io.brokkr.runtime.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a type as a template declares it ({@code int}, {@code String},
 * {@code java.util.List<com.acme.Order.Part>}) into a Jackson type, so that a saga's inputs can be
 * checked at start. A type this node cannot resolve (a simple name of a user class written in YAML,
 * a type variable, a class missing here) gives nothing: its input is then not checked.
 */
final class SourceTypes {
  private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
      "short", short.class, "char", char.class, "int", int.class, "long", long.class, "float", float.class,
      "double", double.class);

  private final String text;
  private final TypeFactory types;
  private final ClassLoader loader;
  private int at;

  private SourceTypes(String text, TypeFactory types, ClassLoader loader) {
    this.text = text;
    this.types = types;
    this.loader = loader;
  }

  /** The type {@code text} names; empty when it cannot be read or resolved here. */
  static Optional<JavaType> resolve(String text, TypeFactory types) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    SourceTypes parser = new SourceTypes(text, types, loader != null ? loader : SourceTypes.class.getClassLoader());
    try {
      JavaType type = parser.type();
      parser.skipSpaces();
      return parser.at == text.length() ? Optional.of(type) : Optional.empty();
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return Optional.empty();
    }
  }

  private JavaType type() throws ClassNotFoundException {
    skipSpaces();
    if (peek('?')) {
      at++;
      skipSpaces();
      if (text.startsWith("extends", at)) {
        at += "extends".length();
        return type();
      }
      if (text.startsWith("super", at)) {
        at += "super".length();
        type();
      }
      return types.constructType(Object.class);
    }
    String name = name();
    List<JavaType> arguments = new ArrayList<>();
    skipSpaces();
    if (peek('<')) {
      do {
        at++;
        arguments.add(type());
        skipSpaces();
      } while (peek(','));
      expect('>');
    }
    Class<?> raw = load(name);
    JavaType type = arguments.isEmpty() ? types.constructType(raw)
        : types.constructParametricType(raw, arguments.toArray(JavaType[]::new));
    skipSpaces();
    while (peek('[')) {
      at++;
      expect(']');
      type = types.constructArrayType(type);
      skipSpaces();
    }
    return type;
  }

  private String name() {
    int start = at;
    while (at < text.length() && (Character.isJavaIdentifierPart(text.charAt(at)) || text.charAt(at) == '.')) {
      at++;
    }
    if (start == at) {
      throw new IllegalArgumentException("no type name at " + start + " of " + text);
    }
    return text.substring(start, at);
  }

  /** A class by its source name: a primitive, a {@code java.lang} simple name, or a (nested) canonical name. */
  private Class<?> load(String name) throws ClassNotFoundException {
    Class<?> primitive = PRIMITIVES.get(name);
    if (primitive != null) {
      return primitive;
    }
    String binary = name.contains(".") ? name : "java.lang." + name;
    while (true) {
      try {
        return Class.forName(binary, false, loader);
      } catch (ClassNotFoundException e) {
        // com.acme.Order.Part is the nested class com.acme.Order$Part.
        int dot = binary.lastIndexOf('.');
        if (dot < 0) {
          throw e;
        }
        binary = binary.substring(0, dot) + "$" + binary.substring(dot + 1);
      }
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    skipSpaces();
    if (!peek(c)) {
      throw new IllegalArgumentException("expected " + c + " at " + at + " of " + text);
    }
    at++;
  }

  private void skipSpaces() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
