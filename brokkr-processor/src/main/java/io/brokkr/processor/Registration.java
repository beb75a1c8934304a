package io.brokkr.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.StepTemplate;
import io.brokkr.processor.LauncherModel.Argument;
import io.brokkr.processor.LauncherModel.Binding;
import io.brokkr.processor.LauncherModel.Call;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes {@code register(Brokkr, SagaClass)}: one worker per step and compensator, each calling its method. */
final class Registration {
  private Registration() {}

  static MethodSpec method(SagaTemplate template, Binding binding, TypeTokens tokens, WorkerConstants workers) {
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
      method.addCode(worker(step.async() ? "async" : "sync", workers.steps().get(step.name()), call, tokens));
    }
    for (Compensation compensation : template.compensations()) {
      method.addCode(worker("sync", workers.compensators().get(compensation.step()),
          binding.compensators().get(compensation.step()), tokens));
    }
    return method.build();
  }

  /**
   * {@code brokkr.registerWorker(Worker.sync(HANDLE_WORKER, step -> saga.handle()));}, or with a
   * block that reads each value the method takes into a local named like its parameter (which is
   * also cheaper for javac than inferring the reads as arguments). A sync worker whose method
   * returns nothing returns null: a step without result.
   */
  private static CodeBlock worker(String mode, String constant, Call call, TypeTokens tokens) {
    // The locals are named like the method's parameters, which may be named like anything the block
    // uses: register's parameters, the lambda's, or a type-token constant (declared first, so that the
    // allocator knows them all; asking again for a type gives the same constant).
    for (Argument argument : call.arguments()) {
      if (argument instanceof Argument.Input input) {
        tokens.of(input.type());
      } else if (argument instanceof Argument.Result result) {
        tokens.of(result.type());
      }
    }
    NameAllocator names = new NameAllocator();
    List.of("brokkr", "saga", "step").forEach(names::newName);
    tokens.constantNames().forEach(names::newName);
    CodeBlock.Builder reads = CodeBlock.builder();
    List<CodeBlock> arguments = new ArrayList<>();
    for (Argument argument : call.arguments()) {
      if (argument instanceof Argument.Input input) {
        String local = names.newName(input.name());
        reads.addStatement("$T $N = step.arg($L, $L)", input.type(), local, input.index(), tokens.of(input.type()));
        arguments.add(CodeBlock.of("$N", local));
      } else if (argument instanceof Argument.Result result) {
        String local = names.newName(result.name());
        reads.addStatement("$T $N = step.dependencyResult($L, $L)", result.type(), local, result.index(),
            tokens.of(result.type()));
        arguments.add(CodeBlock.of("$N", local));
      } else {
        arguments.add(CodeBlock.of("step.context()"));
      }
    }
    CodeBlock invocation = CodeBlock.of("saga.$N($L)", call.method(), CodeBlock.join(arguments, ", "));
    boolean returns = mode.equals("sync") && call.returnsValue();
    if (reads.isEmpty() && (returns || mode.equals("async"))) {
      return CodeBlock.of("brokkr.registerWorker($T.$L($N, step -> $L));\n", Runtime.WORKER, mode, constant,
          invocation);
    }
    CodeBlock.Builder body = CodeBlock.builder().add(reads.build());
    if (returns) {
      body.addStatement("return $L", invocation);
    } else {
      body.addStatement("$L", invocation);
      if (mode.equals("sync")) {
        body.addStatement("return null");
      }
    }
    return CodeBlock.builder()
        .add("brokkr.registerWorker($T.$L($N, step -> {\n", Runtime.WORKER, mode, constant)
        .indent()
        .add(body.build())
        .unindent()
        .add("}));\n")
        .build();
  }
}
