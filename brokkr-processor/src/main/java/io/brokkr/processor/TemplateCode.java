package io.brokkr.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.brokkr.dsl.Compensation;
import io.brokkr.dsl.Durations;
import io.brokkr.dsl.RetryPolicy;
import io.brokkr.dsl.RetrySpec;
import io.brokkr.dsl.SagaInput;
import io.brokkr.dsl.SagaTemplate;
import io.brokkr.dsl.SagaTemplateBuilder;
import io.brokkr.dsl.StepTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/** Writes a template back as builder-DSL code, one statement per step, so that it reads like the DSL. */
final class TemplateCode {
  private TemplateCode() {}

  /** {@code private static SagaTemplate template()}, which builds {@code template} again. */
  static MethodSpec method(SagaTemplate template) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add("$T saga = $T.named($S)", SagaTemplateBuilder.class, SagaTemplate.class, template.name())
        .indent().indent();
    for (SagaInput input : template.inputs()) {
      code.add("\n.input($S, $S)", input.name(), input.type());
    }
    code.add(";\n").unindent().unindent();
    for (StepTemplate step : template.steps()) {
      code.addStatement("saga$L", step(template.name(), step));
    }
    for (Compensation compensation : template.compensations()) {
      code.addStatement("saga$L", compensation(compensation));
    }
    code.addStatement("return saga.build()");
    return MethodSpec.methodBuilder("template")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(SagaTemplate.class)
        .addJavadoc("Builds {@link #TEMPLATE} with the builder DSL.\n")
        .addCode(code.build())
        .build();
  }

  private static CodeBlock step(String saga, StepTemplate step) {
    CodeBlock.Builder code = CodeBlock.builder().add(".step($S)", step.name());
    if (!step.worker().equals(StepTemplate.defaultWorker(saga, step.name()))) {
      code.add("$Z.worker($S)", step.worker());
    }
    if (!step.dependsOn().isEmpty()) {
      code.add("$Z.dependsOn($L)", arguments(step.dependsOn()));
    }
    if (!step.inputs().isEmpty()) {
      code.add("$Z.inputs($L)", arguments(step.inputs()));
    }
    step.outputType().ifPresent(type -> code.add("$Z.output($S)", type));
    if (!step.retry().isNodeDefault()) {
      code.add("$Z.retry($L)", retry(step.retry()));
    }
    step.timeout().ifPresent(timeout -> code.add("$Z.timeout($L)", duration(timeout)));
    if (step.async()) {
      code.add("$Z.async()");
    }
    return code.build();
  }

  private static CodeBlock compensation(Compensation compensation) {
    String step = compensation.step();
    CodeBlock.Builder code = CodeBlock.builder().add(".compensate($S, $S, $L, $L)", step, compensation.worker(),
        json(compensation.args()), strings(compensation.inputs()));
    if (!compensation.retry().isNodeDefault()) {
      code.add("$Z.compensationRetry($S, $L)", step, retry(compensation.retry()));
    }
    compensation.timeout().ifPresent(timeout -> code.add("$Z.compensationTimeout($S, $L)", step, duration(timeout)));
    return code.build();
  }

  /** A whole policy as {@code new RetryPolicy(..)}; a partial one as the values it gives, the rest the node's. */
  private static CodeBlock retry(RetrySpec retry) {
    if (retry.isComplete()) {
      RetryPolicy policy = retry.resolve(RetryPolicy.DEFAULT);
      return CodeBlock.of("new $T($L, $L, $L, $L)", RetryPolicy.class, policy.maxAttempts(),
          duration(policy.initialBackoff()), policy.multiplier(), duration(policy.maxBackoff()));
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.NODE_DEFAULT", RetrySpec.class);
    retry.maxAttempts().ifPresent(n -> code.add(".withMaxAttempts($L)", n));
    retry.backoff().ifPresent(b -> code.add(".withBackoff($L)", duration(b)));
    retry.backoffMultiplier().ifPresent(m -> code.add(".withBackoffMultiplier($L)", m));
    retry.maxBackoff().ifPresent(m -> code.add(".withMaxBackoff($L)", duration(m)));
    return code.build();
  }

  private static CodeBlock duration(Duration duration) {
    return CodeBlock.of("$T.parse($S)", Durations.class, Durations.format(duration));
  }

  private static CodeBlock arguments(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }

  private static CodeBlock strings(List<String> values) {
    return CodeBlock.of("$T.of($L)", List.class, arguments(values));
  }

  /** A JSON-encodable value (string, number, boolean, list, map) as a Java expression. */
  private static CodeBlock json(Object value) {
    if (value instanceof String text) {
      return CodeBlock.of("$S", text);
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Double) {
      return CodeBlock.of("$L", value);
    }
    if (value instanceof Long number) {
      return CodeBlock.of("$LL", number);
    }
    if (value instanceof Number number) {
      ClassName type = ClassName.get(number instanceof BigInteger ? BigInteger.class : BigDecimal.class);
      return CodeBlock.of("new $T($S)", type, number.toString());
    }
    if (value instanceof List<?> list) {
      return CodeBlock.of("$T.of($L)", List.class,
          list.stream().map(TemplateCode::json).collect(CodeBlock.joining(", ")));
    }
    if (value instanceof Map<?, ?> map) {
      return CodeBlock.of("$T.ofEntries($L)", Map.class, map.entrySet().stream()
          .map(e -> CodeBlock.of("$T.entry($L, $L)", Map.class, json(e.getKey()), json(e.getValue())))
          .collect(CodeBlock.joining(", ")));
    }
    throw new IllegalArgumentException("compensator arg " + value + " of " + value.getClass().getName()
        + " is not a JSON value; use strings, numbers, booleans, lists and maps");
  }
}
