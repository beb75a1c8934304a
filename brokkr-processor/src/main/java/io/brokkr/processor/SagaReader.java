package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.brokkr.dsl.Compensate;
import io.brokkr.dsl.Saga;
import io.brokkr.dsl.Step;
import io.brokkr.processor.SourceMethod.Attribute;
import io.brokkr.processor.SourceSaga.Nesting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.Parameterizable;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Saga} class into a {@link SourceSaga}: the only code of the processor that
 * touches {@code javax.lang.model}. It checks nothing; it records what is written and where.
 */
final class SagaReader {
  static final String SAGA = Saga.class.getCanonicalName();
  static final String STEP = Step.class.getCanonicalName();
  static final String COMPENSATE = Compensate.class.getCanonicalName();
  private static final String STEP_CONTEXT = Runtime.STEP_CONTEXT.canonicalName();

  private final Types types;

  SagaReader(Types types) {
    this.types = types;
  }

  /**
   * A saga class as written, and the type checker for its types.
   *
   * @param saga the class as written
   * @param types whether a parameter the class declares can receive a result it declares
   */
  record Read(SourceSaga saga, TypeChecker types) {}

  /** The class as written; empty when a type it uses is not known yet, e.g. generated in a later round. */
  Optional<Read> read(TypeElement type) {
    Map<TypeName, TypeMirror> mirrors = new HashMap<>();
    List<SourceStep> steps = new ArrayList<>();
    List<SourceCompensator> compensators = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> step = annotation(method, STEP);
      Optional<AnnotationMirror> compensate = annotation(method, COMPENSATE);
      boolean typesUnknown = isUnknown(method.getReturnType())
          || method.getParameters().stream().anyMatch(p -> isUnknown(p.asType()));
      if ((step.isPresent() || compensate.isPresent()) && typesUnknown) {
        return Optional.empty();
      }
      if (step.isPresent()) {
        steps.add(new SourceStep(method(method, step.get(), mirrors), dependsOn(method, step.get()),
            compensate.map(c -> JavacSite.of(method, c))));
      } else if (compensate.isPresent()) {
        SourceMethod compensator = method(method, compensate.get(), mirrors);
        compensators.add(new SourceCompensator(compensator, compensator.attribute("value").orElseThrow()));
      }
    }
    AnnotationMirror saga = annotation(type, SAGA).orElseThrow();
    Optional<AnnotationValue> name = value(saga, "value").filter(v -> !v.getValue().toString().isEmpty());
    SourceSaga source = new SourceSaga(
        className(type),
        name.map(v -> v.getValue().toString()).orElse(type.getSimpleName().toString()),
        nesting(type),
        JavacSite.of(type),
        JavacSite.of(type, saga),
        name.map(v -> JavacSite.of(type, saga, v)),
        firstTypeParameter(type),
        steps,
        compensators);
    TypeChecker checker = (result, parameter) -> !mirrors.containsKey(result) || !mirrors.containsKey(parameter)
        || canReceive(mirrors.get(result), mirrors.get(parameter));
    return Optional.of(new Read(source, checker));
  }

  /** See {@link TypeChecker#canReceive}: the same type, once boxed. */
  private boolean canReceive(TypeMirror result, TypeMirror parameter) {
    return types.isSameType(boxed(result), boxed(parameter));
  }

  private TypeMirror boxed(TypeMirror type) {
    return type instanceof PrimitiveType primitive ? types.boxedClass(primitive).asType() : type;
  }

  private SourceMethod method(
      ExecutableElement method, AnnotationMirror annotation, Map<TypeName, TypeMirror> mirrors) {
    List<SourceParameter> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      TypeMirror type = parameter.asType();
      TypeName name = TypeName.get(type);
      mirrors.putIfAbsent(name, type);
      parameters.add(new SourceParameter(parameter.getSimpleName().toString(), name, isStepContext(type),
          JavacSite.of(parameter)));
    }
    TypeName returns = TypeName.get(method.getReturnType());
    mirrors.putIfAbsent(returns, method.getReturnType());
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    annotation.getElementValues().forEach((attribute, value) -> {
      if (!(value.getValue() instanceof List)) {
        attributes.put(attribute.getSimpleName().toString(),
            new Attribute(value.getValue().toString(), JavacSite.of(method, annotation, value)));
      }
    });
    return new SourceMethod(method.getSimpleName().toString(), method.getModifiers().contains(Modifier.PRIVATE),
        method.getModifiers().contains(Modifier.STATIC), firstTypeParameter(method), returns, parameters,
        JavacSite.of(method), JavacSite.of(method, annotation), attributes);
  }

  /** Each {@code dependsOn} entry with its own site, so that an error points at the entry at fault. */
  private static List<Attribute> dependsOn(ExecutableElement method, AnnotationMirror step) {
    List<Attribute> entries = new ArrayList<>();
    value(step, "dependsOn").ifPresent(array -> {
      for (Object entry : (List<?>) array.getValue()) {
        AnnotationValue value = (AnnotationValue) entry;
        entries.add(new Attribute(value.getValue().toString(), JavacSite.of(method, step, value)));
      }
    });
    return entries;
  }

  private static Optional<Site> firstTypeParameter(Parameterizable element) {
    return element.getTypeParameters().stream().findFirst().map(JavacSite::of);
  }

  private static Nesting nesting(TypeElement type) {
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return Nesting.INNER;
    }
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Nesting.PRIVATE;
      }
      // Member types of interfaces, records and enums are implicitly static, and javac says so.
      if (t.getNestingKind() == NestingKind.MEMBER && !t.getModifiers().contains(Modifier.STATIC)) {
        return Nesting.INNER;
      }
    }
    return Nesting.REACHABLE;
  }

  /** The class's name; a local class, which no other class can name, gets its simple name alone. */
  private static ClassName className(TypeElement type) {
    return type.getNestingKind().isNested() && type.getNestingKind() != NestingKind.MEMBER
        ? ClassName.get("", type.getSimpleName().toString())
        : ClassName.get(type);
  }

  private static boolean isStepContext(TypeMirror type) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(STEP_CONTEXT);
  }

  /** Whether {@code type} is or holds a type javac does not know yet. */
  private static boolean isUnknown(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(SagaReader::isUnknown);
    }
    if (type instanceof ArrayType array) {
      return isUnknown(array.getComponentType());
    }
    if (type instanceof WildcardType wildcard) {
      return (wildcard.getExtendsBound() != null && isUnknown(wildcard.getExtendsBound()))
          || (wildcard.getSuperBound() != null && isUnknown(wildcard.getSuperBound()));
    }
    return false;
  }

  static Optional<AnnotationMirror> annotation(Element element, String annotationName) {
    return element.getAnnotationMirrors().stream()
        .filter(a -> ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
            .contentEquals(annotationName))
        .map(a -> (AnnotationMirror) a)
        .findFirst();
  }

  private static Optional<AnnotationValue> value(AnnotationMirror annotation, String attribute) {
    return annotation.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals(attribute))
        .map(e -> (AnnotationValue) e.getValue())
        .findFirst();
  }
}
