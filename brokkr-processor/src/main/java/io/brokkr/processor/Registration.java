package io.brokkr.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.processor.LauncherModel.Argument;
import io.brokkr.processor.LauncherModel.Binding;
import io.brokkr.processor.LauncherModel.Call;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code register(Brokkr, SagaClass)}: one worker per step and compensator, each calling its method. */
final class Registration {
  private Registration() {}

  static MethodSpec method(SagaTemplate template, Binding binding, TypeTokens tokens) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("register")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(Runtime.BROKKR, "brokkr")
        .addParameter(binding.sagaClass(), "saga")
        .addJavadoc("Registers on {@code brokkr} one worker per step and compensator of the saga, each calling its\n"
            + "method on {@code saga}. Call it on every node that runs the saga's steps.\n\n"
            + "@param brokkr the node that runs the steps\n"
            + "@param saga the object whose methods run the steps\n"
            + "@throws IllegalArgumentException when the node has a worker of one of these names already\n");
    for (StepTemplate step : template.steps()) {
      Call call = binding.steps().get(step.name());
      method.addCode(worker(step.async() ? "async" : "sync", step.worker(), call, tokens));
    }
    for (Compensation compensation : template.compensations()) {
      method.addCode(worker("sync", compensation.worker(), binding.compensators().get(compensation.step()), tokens));
    }
    return method.build();
  }

  /**
   * {@code brokkr.registerWorker(Worker.sync("Hammer.head", step -> saga.head(step.arg(0, String.class))));}
   * A sync worker whose method returns nothing returns null: a step without result.
   */
  private static CodeBlock worker(String mode, String name, Call call, TypeTokens tokens) {
    CodeBlock invocation = invocation(call, tokens);
    if (mode.equals("async") || call.returnsValue()) {
      return CodeBlock.of("brokkr.registerWorker($T.$L($S, step -> $L));\n", Runtime.WORKER, mode, name, invocation);
    }
    return CodeBlock.builder()
        .add("brokkr.registerWorker($T.$L($S, step -> {\n", Runtime.WORKER, mode, name)
        .indent()
        .add("$L;\n", invocation)
        .add("return null;\n")
        .unindent()
        .add("}));\n")
        .build();
  }

  /** {@code saga.head(step.arg(0, String.class))}; several arguments go one per line. */
  private static CodeBlock invocation(Call call, TypeTokens tokens) {
    List<CodeBlock> arguments = call.arguments().stream().map(argument -> argument(argument, tokens)).toList();
    if (arguments.size() < 2) {
      return CodeBlock.of("saga.$N($Z$L)", call.method(), CodeBlock.join(arguments, ", "));
    }
    return CodeBlock.builder()
        .add("saga.$N(\n", call.method())
        .indent().indent()
        .add(CodeBlock.join(arguments, ",\n"))
        .unindent().unindent()
        .add(")")
        .build();
  }

  private static CodeBlock argument(Argument argument, TypeTokens tokens) {
    if (argument instanceof Argument.Input input) {
      return CodeBlock.of("step.arg($L, $L)", input.index(), tokens.of(input.type()));
    }
    if (argument instanceof Argument.Result result) {
      return CodeBlock.of("step.dependencyResult($L, $L)", result.index(), tokens.of(result.type()));
    }
    return CodeBlock.of("step.context()");
  }
}
