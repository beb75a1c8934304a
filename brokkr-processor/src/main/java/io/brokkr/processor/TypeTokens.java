package io.brokkr.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The tokens a launcher passes to read JSON values as Java types: a class literal where one is
 * enough, else a {@code TypeRef} constant declared once per type (generic types keep their
 * arguments only that way).
 */
final class TypeTokens {
  static final ClassName TYPE_REF = ClassName.get("io.brokkr.runtime", "TypeRef");

  private final Map<TypeName, String> constants = new LinkedHashMap<>();
  private final Set<String> names = new HashSet<>();

  /** {@code HeadId.class}, {@code Integer.class} for {@code int}, or a constant such as {@code LIST_OF_PART}. */
  CodeBlock of(TypeName type) {
    if (type.isPrimitive()) {
      return CodeBlock.of("$T.class", type.box());
    }
    if (isReifiable(type)) {
      return CodeBlock.of("$T.class", type);
    }
    return CodeBlock.of("$N", constants.computeIfAbsent(type, this::newName));
  }

  /** Keeps {@code name}, a constant of the launcher's own, from being given to a type token. */
  void reserve(String name) {
    names.add(name);
  }

  /** The names of the constants used so far, so that locals can be named apart from them. */
  List<String> constantNames() {
    return List.copyOf(constants.values());
  }

  /** The constants used so far, in order of first use. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    constants.forEach((type, name) -> fields.add(FieldSpec
        .builder(ParameterizedTypeName.get(TYPE_REF, type), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Reads JSON values as {@code $L}.\n", Identifiers.readable(type))
        .initializer("new $T<>() {}", TYPE_REF)
        .build()));
    return fields;
  }

  private String newName(TypeName type) {
    String base = Identifiers.constant(type);
    String name = base;
    for (int i = 2; !names.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static boolean isReifiable(TypeName type) {
    if (type instanceof ArrayTypeName array) {
      return array.componentType().isPrimitive() || isReifiable(array.componentType());
    }
    return type instanceof ClassName;
  }
}
