package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.StepTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code start(Brokkr, inputs...)}. Its handle's result is the result of the saga's final
 * step, or a {@code Result} record of its final steps' results when it has several, or nothing.
 */
final class StartMethod {
  /** {@code Map.of} takes at most ten pairs. */
  private static final int MAP_OF_LIMIT = 10;

  private final LauncherModel model;
  private final TypeTokens tokens;
  /** The final steps that have a result: the steps no other step depends on. */
  private final List<StepTemplate> sinks;

  StartMethod(LauncherModel model, TypeTokens tokens) {
    this.model = model;
    this.tokens = tokens;
    Set<String> dependedOn = new HashSet<>();
    model.template().steps().forEach(s -> dependedOn.addAll(s.dependsOn()));
    this.sinks = model.template().steps().stream()
        .filter(s -> !dependedOn.contains(s.name()) && model.resultTypes().containsKey(s.name()))
        .toList();
  }

  /** The {@code Result} record, when the saga has several final steps with a result. */
  Optional<TypeSpec> resultRecord() {
    if (sinks.size() < 2) {
      return Optional.empty();
    }
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("The results of the saga's final steps, those no other step depends on.\n\n");
    NameAllocator names = new NameAllocator();
    for (StepTemplate sink : sinks) {
      String name = names.newName(Identifiers.lowerCamel(sink.name()));
      constructor.addParameter(model.resultTypes().get(sink.name()), name);
      doc.add("@param $L the result of step {@code $L}\n", name, sink.name());
    }
    return Optional.of(TypeSpec.recordBuilder("Result")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(doc.build())
        .recordConstructor(constructor.build())
        .build());
  }

  MethodSpec method() {
    // Every name the method declares comes from one allocator, inputs first (they name the public
    // parameters), so that no input can take a generated name. The other names the body uses (TEMPLATE,
    // Map, Result, type-token constants) start with a capital letter, which lowerCamel never gives.
    NameAllocator names = new NameAllocator();
    names.newName("brokkr");
    MethodSpec.Builder method = MethodSpec.methodBuilder("start")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(Runtime.SAGA_HANDLE, resultType().box()))
        .addParameter(Runtime.BROKKR, "brokkr");
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Starts a saga from {@link #TEMPLATE}; the nodes that registered its workers run its steps.\n\n")
        .add("@param brokkr the node that stores the saga\n");
    List<CodeBlock> entries = new ArrayList<>();
    for (SagaInput input : model.template().inputs()) {
      String name = names.newName(Identifiers.lowerCamel(input.name()), input.name());
      TypeName type = model.inputTypes().get(input.name());
      method.addParameter(type, name);
      if (!type.isPrimitive()) {
        // Map.of would refuse a null too, but with no word of which input it was.
        method.addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name);
      }
      doc.add("@param $L the saga input {@code $L}\n", name, input.name());
      entries.add(CodeBlock.of("$S, $N", input.name(), name));
    }
    doc.add("@return the saga's handle, whose result is $L\n", resultDoc());
    String results = names.newName("results");
    return method.addJavadoc(doc.build())
        .addStatement("return brokkr.start(TEMPLATE, $L)\n.map($N -> $L)", inputs(entries), results, result(results))
        .build();
  }

  private TypeName resultType() {
    return switch (sinks.size()) {
      case 0 -> ClassName.get(Void.class);
      case 1 -> model.resultTypes().get(sinks.get(0).name());
      default -> model.launcher().nestedClass("Result");
    };
  }

  private String resultDoc() {
    return switch (sinks.size()) {
      case 0 -> "null: the saga's final steps return nothing";
      case 1 -> "the result of its final step, {@code " + sinks.get(0).name() + "}";
      default -> "the results of its final steps";
    };
  }

  private CodeBlock result(String results) {
    return switch (sinks.size()) {
      case 0 -> CodeBlock.of("null");
      case 1 -> read(results, sinks.get(0));
      default -> CodeBlock.of("new Result($L)",
          sinks.stream().map(s -> read(results, s)).collect(CodeBlock.joining(",$W")));
    };
  }

  private CodeBlock read(String results, StepTemplate step) {
    return CodeBlock.of("$N.get($S, $L)", results, step.name(), tokens.of(model.resultTypes().get(step.name())));
  }

  private static CodeBlock inputs(List<CodeBlock> entries) {
    if (entries.size() <= MAP_OF_LIMIT) {
      return CodeBlock.of("$T.of($L)", Map.class, CodeBlock.join(entries, ",$W"));
    }
    return CodeBlock.of("$T.ofEntries($L)", Map.class,
        entries.stream().map(e -> CodeBlock.of("$T.entry($L)", Map.class, e)).collect(CodeBlock.joining(",$W")));
  }
}
