package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.brokkr.dsl.StepTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Writes the typed completion methods of the async steps: {@code finish<Step>} and {@code fail<Step>}. */
final class Completions {
  private static final String COMMON_PARAMETERS = "@param brokkr a node of the saga's namespace\n"
      + "@param sagaId the saga's id, from {@link io.brokkr.runtime.SagaHandle#sagaId()}\n";
  private static final String COMMON_RETURNS = "@return true when this call $L the step; false when it was settled"
      + " already\n@throws IllegalArgumentException when the namespace has no saga of that id\n";

  private Completions() {}

  static List<MethodSpec> methods(LauncherModel model) {
    List<MethodSpec> methods = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (StepTemplate step : model.template().steps()) {
      if (step.async()) {
        String suffix = unique(Identifiers.upperCamel(step.name()), names);
        TypeName result = model.resultTypes().getOrDefault(step.name(), ClassName.OBJECT);
        methods.add(finish(step.name(), suffix, result));
        methods.add(fail(step.name(), suffix));
      }
    }
    if (!methods.isEmpty()) {
      methods.add(sagaLookup());
    }
    return methods;
  }

  private static MethodSpec finish(String step, String suffix, TypeName result) {
    return MethodSpec.methodBuilder("finish" + suffix)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(Runtime.BROKKR, "brokkr")
        .addParameter(String.class, "sagaId")
        .addParameter(result, "result")
        .addJavadoc("Finishes the async step {@code $L} of a saga, from any thread or node;\n"
            + "the steps that depend on it receive {@code result}.\n\n", step)
        .addJavadoc(COMMON_PARAMETERS)
        .addJavadoc("@param result the step's result\n")
        .addJavadoc(COMMON_RETURNS, "finished")
        .addStatement("return saga(brokkr, sagaId).stepFinished($S, result)", step)
        .build();
  }

  private static MethodSpec fail(String step, String suffix) {
    return MethodSpec.methodBuilder("fail" + suffix)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(Runtime.BROKKR, "brokkr")
        .addParameter(String.class, "sagaId")
        .addParameter(String.class, "reason")
        .addJavadoc("Fails the async step {@code $L} of a saga, from any thread or node:\n"
            + "the saga compensates.\n\n", step)
        .addJavadoc(COMMON_PARAMETERS)
        .addJavadoc("@param reason why the step failed\n")
        .addJavadoc(COMMON_RETURNS, "failed")
        .addStatement("return saga(brokkr, sagaId).stepFailed($S, reason)", step)
        .build();
  }

  private static MethodSpec sagaLookup() {
    return MethodSpec.methodBuilder("saga")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Runtime.SAGA)
        .addParameter(Runtime.BROKKR, "brokkr")
        .addParameter(String.class, "sagaId")
        .addJavadoc("The saga of that id, or an exception naming it and the namespace.\n")
        .addStatement("return brokkr.getSaga(sagaId).orElseThrow(() -> new $T(\n$S + sagaId + $S + brokkr.namespace()))",
            IllegalArgumentException.class, "no saga \"", "\" in namespace ")
        .build();
  }

  /** {@code suffix}, or {@code suffix2}, {@code suffix3}... when two step names give the same one. */
  private static String unique(String suffix, Set<String> taken) {
    String name = suffix;
    for (int i = 2; !taken.add(name); i++) {
      name = suffix + i;
    }
    return name;
  }
}
